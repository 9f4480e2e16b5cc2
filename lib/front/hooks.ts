import type { HandshakeErrorCode } from './token-authority';

/** One thing the front did, as the local server's inspection log records it (it adds the time). */
export type FrontEvent =
  | { readonly type: 'token'; readonly outcome: 'issued'; readonly keyId: string; readonly token: string }
  | {
      readonly type: 'token';
      readonly outcome: 'refused';
      readonly status: number;
      readonly reason: string;
    }
  | { readonly type: 'handshake_refused'; readonly code: HandshakeErrorCode; readonly message: string }
  | { readonly type: 'connect'; readonly socketId: string; readonly keyId: string; readonly token: string }
  | {
      readonly type: 'subscribe' | 'unsubscribe';
      readonly socketId: string;
      /** The options exactly as received. */
      readonly options: unknown;
      /** What the ack carried (or would have carried, when acks are withheld): `null` or the message. */
      readonly error: string | null;
    }
  | { readonly type: 'disconnect'; readonly socketId: string; readonly reason: string };

/** One publication sent to one socket. */
export interface SentEvent {
  readonly type: 'sent';
  readonly socketId: string;
  readonly path: string;
  readonly params: unknown;
  readonly timestamp: string;
  readonly results: readonly unknown[];
}

/**
 * What the local server plugs into the front for fault injection and inspection. The relay passes
 * none: every hook is optional and costs nothing when absent.
 */
export interface FrontHooks {
  /** Hears each thing the front does. */
  readonly onEvent?: (event: FrontEvent) => void;
  /** Hears each publication sent to each socket (one call per socket: for inspection, not production). */
  readonly onSent?: (event: SentEvent) => void;
  /** Sends each ack: now (the default), later, or never (the local server's `setAckMode`). */
  readonly ack?: (send: () => void) => void;
}

/** How the front reports an event: to the hook, or nowhere. */
export type Report = (event: FrontEvent) => void;

export const NO_REPORT: Report = () => undefined;
