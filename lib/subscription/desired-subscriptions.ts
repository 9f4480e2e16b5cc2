import { type Observable, type Subscriber, type Subscription, Subject } from 'rxjs';
import type * as t from 'io-ts';
import { subscriptionKey } from './canonical-key';
import { listParserOf } from '../endpoints/record-codec';
import { DataEnvelope, type DataEvent, type SubscriptionOptions } from './data-event';
import { EventDedupe } from './event-dedupe';
import { createRouteIndex } from './route-index';

/** A subscription somebody wants, whether or not a server has it yet. */
export interface Wanted {
  /** Its canonical key (canonical-key.ts): one entry per (path, canonical params). */
  readonly key: string;
  readonly options: SubscriptionOptions;
  readonly results: t.Decoder<unknown, unknown>;
  /** The io-ts context `results` is validated in, made once: `results` of a `data` envelope. */
  readonly context: t.Context;
  /**
   * `results`' plain parse (the decoded value, or `undefined` when it fails) if it is one of the
   * catalogue's list codecs (record-codec.ts `listParserOf`): no io-ts context or `Right` per event.
   * `undefined` for any other decoder, which is validated.
   */
  readonly parse: ((u: unknown) => unknown[] | undefined) | undefined;
  /**
   * Every local subscriber of this (path, params). Replaced on change, never mutated, so a delivery
   * loop is unaffected by subscribers that come or go inside it.
   */
  sinks: readonly Subscriber<DataEvent<never, unknown>>[];
  /** Keeps the connection open while this subscription is wanted, and reports its failure. */
  keepAlive: Subscription | undefined;
  /** Tells the second copy of an event during a token rotation from a new event (event-dedupe.ts). */
  readonly dedupe: EventDedupe;
  /**
   * The latest event delivered, the image a subscriber that joins gets at once (`stream`'s `latest`);
   * none before the first. Goes with the entry: when it is no longer wanted, or failed.
   */
  latest: DataEvent<never, unknown> | undefined;
}

/** A new entry for (`options`, `results`) under `key` (their subscriptionKey), wanted by nobody yet. */
export const wantedEntry = (
  key: string,
  options: SubscriptionOptions,
  results: t.Decoder<unknown, unknown>,
): Wanted => ({
  key,
  options,
  results,
  // Reports name the envelope's `results` (the values come with each error, not from here).
  context: [
    { key: '', type: DataEnvelope, actual: undefined },
    { key: 'results', type: results as t.Mixed, actual: undefined },
  ],
  parse: listParserOf(results),
  sinks: [],
  keepAlive: undefined,
  dedupe: new EventDedupe(),
  latest: undefined,
});

/** What the sessions follow: a subscription newly wanted, or one no longer wanted. */
export type Change = { readonly added: Wanted } | { readonly removed: Wanted };

/**
 * The desired state: what is wanted, found by key or by the path and params of a `data` event, and
 * the changes to it, which each socket's session follows (socket-session.ts). An entry is wanted from
 * {@link DesiredSubscriptions.add} to {@link DesiredSubscriptions.remove} (the last subscriber left, or
 * it failed); whether a server has it is the sessions' business, per socket.
 */
export interface DesiredSubscriptions {
  /** Every change, in order, synchronously. */
  readonly changes: Observable<Change>;
  /** The entries wanted now by key, in the order they were added. */
  readonly byKey: ReadonlyMap<string, Wanted>;
  /**
   * The entry a `data` event for (`path`, `params`) is for: by value when `params` has a route key
   * (route-index.ts; `routeKey`'s result), else by canonical key.
   */
  readonly find: (
    path: string,
    params: Readonly<Record<string, unknown>>,
    routeKey: string | undefined,
  ) => Wanted | undefined;
  /** Wants `entry` (whose key is not wanted yet) and tells the sessions. */
  readonly add: (entry: Wanted) => void;
  /** Stops wanting `entry` and tells the sessions; false if it was not wanted any more. */
  readonly remove: (entry: Wanted) => boolean;
  /**
   * Removes `entry`, then ends its subscribers with `error`: removed first, so one that subscribes again
   * at once (a retry) starts a fresh subscription instead of joining the failed one.
   */
  readonly fail: (entry: Wanted, error: unknown) => void;
}

export const createDesiredSubscriptions = (): DesiredSubscriptions => {
  const wanted = new Map<string, Wanted>();
  /** Most of the same entries, by path and value: what routes nearly every `data` event. */
  const routes = createRouteIndex<Wanted>();
  const changes = new Subject<Change>();

  const remove = (entry: Wanted): boolean => {
    if (wanted.get(entry.key) !== entry) return false;
    wanted.delete(entry.key);
    routes.set(entry.options.path, entry.options.params, undefined);
    entry.sinks = [];
    entry.latest = undefined;
    changes.next({ removed: entry });
    entry.keepAlive?.unsubscribe();
    return true;
  };

  return {
    changes,
    byKey: wanted,
    find: (path, params, routeKey) =>
      routeKey === undefined ? wanted.get(subscriptionKey(path, params)) : routes.get(path, params, routeKey),
    add: (entry) => {
      wanted.set(entry.key, entry);
      routes.set(entry.options.path, entry.options.params, entry);
      changes.next({ added: entry });
    },
    remove,
    fail: (entry, error) => {
      const { sinks } = entry;
      if (remove(entry)) sinks.forEach((sink) => sink.error(error));
    },
  };
};
