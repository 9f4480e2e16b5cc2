import type { IncomingMessage } from 'node:http';
import type { ClientOptions } from '../client/options';
import type { FrontLimits } from '../server/limits';

/** Options of {@link startRelay}. */
export interface RelayOptions extends FrontLimits {
  /**
   * The upstream to relay, as `createClient` takes it: `{ url, apiKey }` (tokens, refresh and rotation
   * as the client does them), or `{ url, token }`.
   */
  readonly upstream: ClientOptions;
  /**
   * TCP port; `0` picks a free one (read it back from `Relay.port`).
   * @default 0
   */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /**
   * HMAC secret the relay's own tokens are signed with. Every node of a cluster must share it, so a
   * token from one node opens a socket on any other. At least 32 bytes: a shorter one throws.
   * @default random, per process (a single node only)
   */
  readonly secret?: string;
  /**
   * Who may `POST /jwt` for a relay token: your sign-in check (a cookie, a header…).
   * @default only requests from a loopback address (127.0.0.1, ::1)
   */
  readonly authorize?: (request: IncomingMessage) => boolean | Promise<boolean>;
  /**
   * How long a relay token is valid, in ms.
   * @default 3_600_000 (one hour)
   */
  readonly tokenTtl?: number;
  /**
   * A Redis URL (`redis://127.0.0.1:6379`): join the cluster of relays that share it. Needs the optional
   * peer dependencies `ioredis` and `@socket.io/redis-adapter`.
   */
  readonly redis?: string;
  /**
   * Time to live of a topic's lease in Redis, in ms; the owner renews it every quarter of it. When the
   * owner dies, another interested node takes over within about this long.
   * @default 3000
   */
  readonly leaseTtl?: number;
  /**
   * How long a topic nobody wants any more stays subscribed upstream, in ms.
   * @default 1000
   */
  readonly linger?: number;
  /**
   * Serve Prometheus metrics at `GET /metrics` (needs the optional peer dependency `prom-client`).
   * `GET /healthz` and `GET /readyz` are always served.
   * @default false
   */
  readonly metrics?: boolean;
  /** Called with each upstream problem the relay retries or gives up on (for logs). */
  readonly onProblem?: (problem: RelayProblem) => void;
  /**
   * Called once per change of what the relay depends on (upstream connected or not, Redis reachable
   * or not), never per retry: for logs and alerts.
   */
  readonly onStatus?: (change: RelayStatusChange) => void;
}

/** The relay's upstream connection or its Redis went down (with the reason) or came back. */
export interface RelayStatusChange {
  readonly component: 'upstream' | 'redis';
  readonly up: boolean;
  /** Why it is down; absent when `up`. */
  readonly reason?: string;
}

/**
 * Something that went wrong: `upstream` for one topic, `connection` for the relay's upstream
 * connection (every problem its client reports: token, handshake, connect, disconnect; `topic` is
 * `''`), `lease` in the cluster, `slow-consumer` for a downstream socket disconnected because it did
 * not read (`topic` is `''`).
 */
export interface RelayProblem {
  readonly kind: 'upstream' | 'connection' | 'lease' | 'slow-consumer';
  readonly topic: string;
  readonly error: unknown;
  /** When the relay (or its client) tries again, in ms; absent when it does not say. */
  readonly retryIn?: number;
}
