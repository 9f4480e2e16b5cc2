import type { SchedulerLike, Subscription } from 'rxjs';
import type { SocketLike } from '../connection/socket-like';

type Listener = (...args: never[]) => void;

/** How a fake server answers what a {@link FakeSocket} does. */
export interface FakeSocketPeer {
  handshake(socket: FakeSocket): string | null;
  receive(socket: FakeSocket, event: string, args: unknown[]): void;
  closed(socket: FakeSocket, reason: string): void;
}

/** A socket.io client socket in memory, with socket.io-client 4's connect/reconnect behaviour. */
export class FakeSocket implements SocketLike {
  connected = false;
  active = true;
  /** As in socket.io's emitter: a listener added twice is called twice, and `off` removes one. */
  private readonly listeners = new Map<string, Listener[]>();
  private pending: Subscription | undefined;

  constructor(
    readonly number: number,
    readonly token: string,
    private readonly peer: FakeSocketPeer,
    private readonly scheduler: SchedulerLike,
    private readonly connectDelay: number,
  ) {}

  get id(): string {
    return `fake-${this.number}`;
  }

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  off(event: string, listener?: Listener): this {
    if (listener === undefined) this.listeners.delete(event);
    else {
      const list = this.listeners.get(event) ?? [];
      const index = list.indexOf(listener);
      if (index !== -1) this.listeners.set(event, [...list.slice(0, index), ...list.slice(index + 1)]);
    }
    return this;
  }

  /** How many listeners are attached, across events: a leak check for tests. */
  listenerCount(): number {
    let count = 0;
    this.listeners.forEach((list) => (count += list.length));
    return count;
  }

  emit(event: string, ...args: unknown[]): this {
    this.peer.receive(this, event, args);
    return this;
  }

  /** Server side: deliver an event to the client's listeners. */
  deliver(event: string, ...args: unknown[]): void {
    // The list is replaced, never changed, so listeners may come and go while it is walked.
    (this.listeners.get(event) ?? []).forEach((listener) => (listener as (...a: unknown[]) => void)(...args));
  }

  /** A no-op while connected or while a (re)connect is already on its way, as in socket.io. */
  connect(): this {
    if (this.connected || this.pending !== undefined) return this;
    this.active = true;
    this.pending = this.scheduler.schedule(() => this.handshake(), this.connectDelay);
    return this;
  }

  disconnect(): this {
    this.pending?.unsubscribe();
    this.pending = undefined;
    this.active = false;
    this.drop('io client disconnect');
    return this;
  }

  /** Ends the connection for `reason`; socket.io reconnects by itself after `transport close`. */
  drop(reason: string, reconnectDelay?: number): void {
    if (reason === 'io server disconnect') this.active = false;
    if (this.connected) {
      this.connected = false;
      this.peer.closed(this, reason);
      this.deliver('disconnect', reason);
    }
    if (this.active && reconnectDelay !== undefined) {
      this.pending = this.scheduler.schedule(() => this.handshake(), reconnectDelay);
    }
  }

  private handshake(): void {
    this.pending = undefined;
    const refusal = this.peer.handshake(this);
    if (refusal !== null) {
      this.active = false;
      this.deliver('connect_error', new Error(refusal));
      return;
    }
    this.connected = true;
    this.deliver('connect');
  }
}
