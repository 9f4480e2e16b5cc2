import { type Observable, Subject } from 'rxjs';

/** A record sent in a `data` event, as generated from the catalogue's field kinds. */
export type GeneratedRecord = Readonly<Record<string, string | null>>;

/** One thing the server did, in order; `at` is ms since the epoch. */
export type ServerLogEntry =
  | {
      readonly type: 'token';
      readonly at: number;
      readonly outcome: 'issued';
      readonly keyId: string;
      readonly token: string;
    }
  | {
      readonly type: 'token';
      readonly at: number;
      readonly outcome: 'refused';
      readonly status: number;
      readonly reason: string;
    }
  | {
      readonly type: 'handshake_refused';
      readonly at: number;
      readonly code: string;
      readonly message: string;
    }
  | {
      readonly type: 'connect';
      readonly at: number;
      readonly socketId: string;
      readonly keyId: string;
      readonly token: string;
    }
  | {
      readonly type: 'subscribe' | 'unsubscribe';
      readonly at: number;
      readonly socketId: string;
      /** The options exactly as received. */
      readonly options: unknown;
      /** What the ack carried (or would have carried, when acks are withheld): `null` or the message. */
      readonly error: string | null;
    }
  | { readonly type: 'disconnect'; readonly at: number; readonly socketId: string; readonly reason: string }
  | {
      readonly type: 'sent';
      readonly at: number;
      readonly socketId: string;
      readonly path: string;
      readonly params: unknown;
      readonly timestamp: string;
      readonly results: readonly GeneratedRecord[];
    }
  | {
      readonly type: 'injected';
      readonly at: number;
      readonly event: string;
      readonly payload: unknown;
      readonly sockets: number;
    };

/** Distributes `Omit` over the union, so each entry keeps its own fields. */
export type ServerLogInput = ServerLogEntry extends infer E
  ? E extends ServerLogEntry
    ? Omit<E, 'at'>
    : never
  : never;

export interface ServerLog {
  readonly entries: readonly ServerLogEntry[];
  readonly events$: Observable<ServerLogEntry>;
  add(entry: ServerLogInput): void;
  complete(): void;
}

/** The newest `limit` entries, and every entry as it happens. */
export const createServerLog = (limit: number): ServerLog => {
  const entries: ServerLogEntry[] = [];
  const events = new Subject<ServerLogEntry>();
  return {
    entries,
    events$: events.asObservable(),
    add(input) {
      const entry = { ...input, at: Date.now() } as ServerLogEntry;
      entries.push(entry);
      if (entries.length > limit) entries.splice(0, entries.length - limit);
      events.next(entry);
    },
    complete: () => events.complete(),
  };
};
