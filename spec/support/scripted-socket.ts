import type { SocketLike } from '../../lib/connection/socket-like';

/** One `emit` the code under test made: the event, its first argument and its ack callback. */
export interface Emitted {
  readonly event: string;
  readonly options: unknown;
  readonly ack: (error: unknown) => void;
}

/**
 * A connected SocketLike with nothing behind it, for direct specs of what talks to a socket: it keeps
 * what was emitted (`emitted`; acks are answered by the test, or at once with `answer`), and `receive`
 * delivers a server event (`data`, `disconnect`) to the listeners registered.
 */
export interface ScriptedSocket extends SocketLike {
  connected: boolean;
  readonly emitted: Emitted[];
  /** Delivers `event` from the server to the listeners. */
  receive(event: string, ...args: unknown[]): void;
  /** How many listeners `event` has now. */
  listening(event: string): number;
}

export const scriptedSocket = (answer?: (event: string, options: unknown) => unknown): ScriptedSocket => {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const emitted: Emitted[] = [];
  const socket: ScriptedSocket = {
    connected: true,
    emitted,
    on: (event: string, listener: (...args: never[]) => void) =>
      listeners.set(event, [...(listeners.get(event) ?? []), listener as (...args: unknown[]) => void]),
    off: (event: string, listener?: (...args: never[]) => void) =>
      listeners.set(
        event,
        (listeners.get(event) ?? []).filter((other) => other !== listener),
      ),
    emit: (event: string, options?: unknown, ack?: unknown) => {
      const callback = ack as (error: unknown) => void;
      emitted.push({ event, options, ack: callback });
      if (answer !== undefined) callback(answer(event, options));
    },
    connect: () => socket,
    disconnect: () => socket,
    receive: (event: string, ...args: unknown[]) =>
      (listeners.get(event) ?? []).forEach((listener) => listener(...args)),
    listening: (event: string) => (listeners.get(event) ?? []).length,
  };
  return socket;
};
