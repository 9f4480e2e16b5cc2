import type { Observable } from 'rxjs';
import type { AckMode } from './options';
import type { ServerLogEntry } from './server-log';
import type { SubscriptionInfo } from '../front/subscription-registry';

/** Counters for tests and dashboards. */
export interface ServerStats {
  /** Connected sockets. */
  readonly sockets: number;
  /** `POST /jwt` requests so far, answered or failed. */
  readonly tokenRequests: number;
  /** Live subscriptions over every socket. */
  readonly subscriptions: number;
}

/** A running local Market Prophit-compatible server. */
export interface LocalServer {
  /** `http://HOST:PORT`: the `url` to give the client. */
  readonly url: string;
  readonly port: number;
  /** The data seed in use (pass it back as `seed` to replay the same values). */
  readonly seed: number;
  /** The HMAC secret in use (pass it back as `secret` so a restarted server accepts old tokens). */
  readonly secret: string;
  /** Closes every socket, the HTTP server and every timer. Safe to call more than once. */
  close(): Promise<void>;

  // Fault injection
  /** Closes every socket's transport (like a network drop): socket.io clients reconnect by themselves. */
  dropAllSockets(): void;
  /** Disconnects every socket from the server side: clients see `'io server disconnect'` and stay down. */
  disconnectAll(): void;
  /** The next `count` `POST /jwt` requests answer `status` with an `api_error` body. */
  failTokenRequests(count: number, status?: number): void;
  /** How `subscribe`/`unsubscribe` are acknowledged from now on (the request itself still takes effect). */
  setAckMode(mode: AckMode): void;
  /** Emits `payload` as-is on `event` to every connected socket. */
  injectRaw(payload: unknown, event?: string): void;
  /**
   * Every token issued (or seen) so far becomes invalid: handshakes with it are refused with
   * `'invalid token: revoked'` (`data.code` `'invalid_token'`) and sockets using it are disconnected.
   */
  revokeTokens(): void;
  /** Like {@link revokeTokens}, but refused as `'token expired'` (`data.code` `'token_expired'`). */
  expireTokens(): void;

  // Inspection
  stats(): ServerStats;
  /** The live subscriptions, path and params as the client sent them. */
  subscriptions(): SubscriptionInfo[];
  /** The most recent entries (see `logLimit`), oldest first. */
  readonly log: readonly ServerLogEntry[];
  /** Every log entry as it happens; completes on `close()`. */
  readonly events$: Observable<ServerLogEntry>;
}
