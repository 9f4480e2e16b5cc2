import * as t from 'io-ts';
import { Subscriber } from 'rxjs';
import { subscriptionKey } from '../../lib/subscription/canonical-key';
import {
  type Change,
  createDesiredSubscriptions,
  wantedEntry,
} from '../../lib/subscription/desired-subscriptions';
import { routeKey } from '../../lib/subscription/route-index';

const PATH = '/real-time/crowd-sentiment';
/** An observer that takes everything and does nothing. */
const IGNORED = { next: () => undefined, error: () => undefined, complete: () => undefined };
const entryFor = (params: Readonly<Record<string, unknown>>) =>
  wantedEntry(subscriptionKey(PATH, params), { path: PATH, params }, t.unknown);

const followed = () => {
  const desired = createDesiredSubscriptions();
  const changes: string[] = [];
  desired.changes.subscribe((change: Change) =>
    changes.push('added' in change ? `+${change.added.key}` : `-${change.removed.key}`),
  );
  return { desired, changes };
};

describe('desired subscriptions', () => {
  it('an added entry is wanted (by key, by route, in entries) and announced; removed, it is none of these', () => {
    const { desired, changes } = followed();
    const aapl = entryFor({ ticker: 'AAPL' });
    desired.add(aapl);
    expect(desired.byKey.get(aapl.key)).toBe(aapl);
    expect(desired.find(PATH, { ticker: 'AAPL' }, 'ticker')).toBe(aapl);
    expect([...desired.byKey.values()]).toEqual([aapl]);
    expect(desired.remove(aapl)).toBe(true);
    expect(desired.remove(aapl)).toBe(false);
    expect(desired.byKey.get(aapl.key)).toBeUndefined();
    expect(desired.find(PATH, { ticker: 'AAPL' }, 'ticker')).toBeUndefined();
    expect([...desired.byKey.values()]).toEqual([]);
    expect(changes).toEqual([`+${aapl.key}`, `-${aapl.key}`]);
  });

  it('finds params without a route key by their canonical key, whatever their key order', () => {
    const { desired } = followed();
    const both = entryFor({ ticker: 'AAPL', window: { from: 1, to: 2 } });
    desired.add(both);
    const echoed = { window: { to: 2, from: 1 }, ticker: 'AAPL' };
    expect(routeKey(echoed)).toBeUndefined();
    expect(desired.find(PATH, echoed, undefined)).toBe(both);
    expect(desired.find('/real-time/tweet-volume', echoed, undefined)).toBeUndefined();
  });

  it('a failed entry is removed before its subscribers hear the error, and a removed one fails nobody', () => {
    const { desired, changes } = followed();
    const entry = entryFor({});
    const heard: string[] = [];
    entry.sinks = [
      new Subscriber({
        ...IGNORED,
        error: () => heard.push(`error; wanted: ${String(desired.byKey.get(entry.key) !== undefined)}`),
      }),
    ];
    desired.add(entry);
    desired.fail(entry, new Error('boom'));
    desired.fail(entry, new Error('again'));
    expect(heard).toEqual(['error; wanted: false']);
    expect(changes).toEqual([`+${entry.key}`, `-${entry.key}`]);
  });

  it('removing an entry ends its keepAlive and forgets its subscribers', () => {
    const { desired } = followed();
    const entry = entryFor({});
    let kept = true;
    entry.keepAlive = new Subscriber(IGNORED);
    entry.keepAlive.add(() => (kept = false));
    entry.sinks = [new Subscriber(IGNORED)];
    desired.add(entry);
    desired.remove(entry);
    expect(kept).toBe(false);
    expect(entry.sinks).toEqual([]);
  });
});
