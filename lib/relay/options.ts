import type { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { ClientOptions } from '../client/options';
import { type CorsOrigins, corsOrigins } from '../front/cors';
import { type FrontLimits, resolveLimits, type ResolvedLimits } from '../front/limits';
import { nonNegativeNumber, positiveNumber } from '../util/positive-number';
import { tcpPort } from '../util/tcp-port';
import type { Authorize, RelayClaims } from './access-control';
import { DEFAULT_ENTITLE_TIMEOUT, type Entitle } from './entitlements';
import { checkSecret } from './relay-secret';
import { type CallerAddress, createCallerAddress, type TrustProxy } from './trust-proxy';

/** What `authorize` returns when it is not typed further: claims are a JSON object. */
export type DefaultClaims = Readonly<Record<string, unknown>>;

/**
 * Options of {@link startRelay}. `Claims` is what `authorize` puts in a relay token and `entitle`
 * reads back (inferred from `authorize`).
 */
export interface RelayOptions<Claims extends RelayClaims = DefaultClaims> extends FrontLimits {
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
   * Who may `POST /jwt` for a relay token: your sign-in check (a cookie, a header…). `false` refuses
   * (401), `true` grants a token, claims (a plain object of JSON data, at most 4 KiB as JSON, e.g.
   * `{ sub, plan, tickers }`) grant one that carries them to `entitle`. A throw is a 500. The context's
   * `address` is the caller's, read through `trustProxy`.
   * @default only loopback callers (127.0.0.0/8, ::1); a request that carries a forwarding header
   * (`Forwarded`, `X-Forwarded-*`, `X-Real-IP`) is refused (401) unless `trustProxy` says which hops
   * are proxies, since behind a proxy on the same host every request comes from loopback
   */
  readonly authorize?: Authorize<Claims>;
  /**
   * Which proxy hops in front of the relay to trust, to read the caller's address from their
   * forwarding header (as Express's `trust proxy`): a number of hops (`1`: one reverse proxy), a list
   * of addresses, CIDR blocks and `'loopback'`, or `{ hops, header }` for `Forwarded` or `X-Real-IP`.
   * @default none: no forwarding header is read, and the default `authorize` refuses forwarded requests
   */
  readonly trustProxy?: TrustProxy;
  /**
   * Web origins whose pages may read `POST /jwt` and socket.io's polling answers (CORS), exactly as
   * browsers send them (`https://app.example.com`); `'*'` for any.
   * @default [] (same-origin pages only)
   */
  readonly origins?: CorsOrigins;
  /**
   * Decides each downstream `subscribe` from the claims of the socket's token (`undefined` when
   * `authorize` answered `true`) and the topic `{ path, params }`: `true` allows, `false` or
   * `{ refuse: message }` refuses with an ack error, and nothing goes upstream. Sync or async; a throw,
   * a rejection or no answer within `entitleTimeout` refuses with `'Entitlement check failed'` and is
   * reported to `onProblem` (kind `entitle`).
   * @default everything the upstream key allows
   */
  readonly entitle?: Entitle<Claims>;
  /**
   * How long `entitle` may take per `subscribe`, in ms.
   * @default 2000
   */
  readonly entitleTimeout?: number;
  /**
   * Told once at start when the relay listens beyond loopback with the default `authorize`.
   * @default process.emitWarning
   */
  readonly onWarning?: (message: string) => void;
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
   * Hot standbys per topic in a cluster (needs `redis`). `1`: one more node per topic (one whose
   * clients want it, if any) holds a warm upstream subscription whose events flow like the owner's,
   * and every node delivers the first copy of each event: a killed owner costs no event (largest gap
   * about two upstream intervals), at twice the upstream subscriptions and cluster traffic. `0`:
   * exactly one upstream subscription per topic per cluster; a killed owner costs up to `leaseTtl`.
   * @default 0
   */
  readonly standby?: 0 | 1;
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
 * `''`), `lease` in the cluster, `entitle` in the `entitle` hook, `slow-consumer` for a downstream
 * socket disconnected because it did not read (`topic` is `''`).
 */
export interface RelayProblem {
  readonly kind: 'upstream' | 'connection' | 'lease' | 'entitle' | 'slow-consumer';
  readonly topic: string;
  readonly error: unknown;
  /** When the relay (or its client) tries again, in ms; absent when it does not say. */
  readonly retryIn?: number;
}

/** {@link RelayOptions} with every default applied and every option checked: what `startRelay` runs on. */
export interface ResolvedRelayOptions<Claims extends RelayClaims> {
  readonly upstream: ClientOptions;
  readonly port: number;
  readonly host: string;
  readonly secret: string;
  readonly authorize: Authorize<Claims> | undefined;
  readonly entitle: Entitle<Claims> | undefined;
  readonly entitleTimeout: number;
  readonly onWarning: (message: string) => void;
  readonly tokenTtl: number;
  readonly leaseTtl: number;
  readonly standby: 0 | 1;
  readonly linger: number;
  readonly onProblem: (problem: RelayProblem) => void;
  readonly onStatus: (change: RelayStatusChange) => void;
  readonly origins: CorsOrigins;
  /** The caller's address, read through `trustProxy`. */
  readonly callerAddress: (request: IncomingMessage) => CallerAddress;
  readonly limits: ResolvedLimits;
}

const OWNER = 'startRelay';
const ONE_HOUR = 60 * 60 * 1000;

/**
 * `startRelay`'s one options resolver: the defaults and every check, before anything connects or
 * listens (the upstream's own options are `createClient`'s to check). Each message names `startRelay`.
 */
export const resolveRelayOptions = <Claims extends RelayClaims>(
  options: RelayOptions<Claims>,
): ResolvedRelayOptions<Claims> => {
  if (typeof options !== 'object' || options === null || typeof options.upstream !== 'object') {
    throw new TypeError(`${OWNER}: needs options, at least { upstream: { url, apiKey } }`);
  }
  const resolved: ResolvedRelayOptions<Claims> = {
    upstream: options.upstream,
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    secret: options.secret ?? randomBytes(32).toString('base64url'),
    authorize: options.authorize,
    entitle: options.entitle,
    entitleTimeout: options.entitleTimeout ?? DEFAULT_ENTITLE_TIMEOUT,
    onWarning: options.onWarning ?? ((message) => process.emitWarning(message, 'MarketProphitRelayWarning')),
    tokenTtl: options.tokenTtl ?? ONE_HOUR,
    leaseTtl: options.leaseTtl ?? 3000,
    standby: options.standby ?? 0,
    linger: options.linger ?? 1000,
    onProblem: options.onProblem ?? (() => undefined),
    onStatus: options.onStatus ?? (() => undefined),
    origins: corsOrigins(OWNER, options.origins ?? []),
    callerAddress: createCallerAddress(options.trustProxy),
    limits: resolveLimits(options),
  };
  const { port, secret, linger } = resolved;
  tcpPort(`${OWNER}: port`, port);
  checkSecret(OWNER, secret);
  positiveNumber(`${OWNER}: tokenTtl`, resolved.tokenTtl);
  positiveNumber(`${OWNER}: leaseTtl`, resolved.leaseTtl);
  positiveNumber(`${OWNER}: entitleTimeout`, resolved.entitleTimeout);
  nonNegativeNumber(`${OWNER}: linger`, linger);
  const { standby } = resolved;
  if (standby !== 0 && standby !== 1)
    throw new RangeError(`${OWNER}: standby must be 0 or 1, got ${String(standby)}`);
  // A single node has nobody to stand by for it.
  if (standby === 1 && options.redis === undefined)
    throw new TypeError(`${OWNER}: standby needs redis (hot standbys are other nodes of a cluster)`);
  const { authorize, entitle, onWarning, onProblem, onStatus } = options;
  for (const [name, hook] of Object.entries({ authorize, entitle, onWarning, onProblem, onStatus })) {
    if (hook !== undefined && typeof hook !== 'function') {
      throw new TypeError(`${OWNER}: ${name} must be a function`);
    }
  }
  return resolved;
};
