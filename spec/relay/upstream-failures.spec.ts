import { createClient, proxyToken, type ClientStatus, type MarketProphitClient } from '../../lib';
import type { ClientOptions } from '../../lib/client/options';
import { startRelay, type Relay, type RelayProblem, type RelayStatusChange } from '../../lib/relay';
import type { LocalServer, ServerOptions } from '../../lib/server';
import { ack, connected } from '../server/helpers';
import { clientOptions } from '../support/client-options';
import { harness } from '../support/harness';
import { relayToken } from '../support/relay-token';
import { delay, until } from '../support/wait';

const PATH = '/real-time/crowd-sentiment';

describe('relay: upstream failures are retried on the policy and told downstream', () => {
  const h = harness({ interval: 20 });
  const relays: Relay[] = [];
  const problems: RelayProblem[] = [];
  const changes: RelayStatusChange[] = [];
  let upstream: LocalServer;

  const start = async (serverOptions: ServerOptions, upstreamOptions: Partial<ClientOptions>) => {
    upstream = await h.start(serverOptions);
    const relay = await startRelay({
      upstream: clientOptions({ url: upstream.url }, upstreamOptions),
      linger: 100,
      onProblem: (problem) => problems.push(problem),
      onStatus: (change) => changes.push(change),
    });
    relays.push(relay);
    return relay;
  };

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.close()));
    problems.splice(0);
    changes.splice(0);
    await h.cleanUp();
  });

  it('backs off a refused key (the token requests spread out) and refuses each subscribe with the reason', async () => {
    // The key is refused (401). refusedFor is short, so the policy's backoff (≈ 1 s, 2 s, 4 s …
    // with jitter 0.5–1) spaces the tries: each wait is at least as long as the one before.
    const relay = await start(
      { apiKeys: { sk_test_other: {} } },
      { apiKey: 'sk_test_refused', retryWait: undefined, policy: { refusedFor: 200 } },
    );
    const socket = await connected(h.connect(relay.url, await relayToken(relay.url)));
    const requestTimes: number[] = [];
    const answers: unknown[] = [];
    const started = Date.now();
    // An eager client: subscribes again every 100 ms for 7.5 s.
    while (Date.now() - started < 7_500) {
      const before = upstream.stats().tokenRequests;
      answers.push(await ack(socket, 'subscribe', { path: PATH, params: { ticker: 'AAPL' } }, 5_000));
      if (upstream.stats().tokenRequests > before) requestTimes.push(Date.now());
      await delay(100);
    }
    // Without the backoff: one request per re-subscribe (about 60), or one a second (8).
    expect(upstream.stats().tokenRequests).toBeLessThanOrEqual(5);
    expect(upstream.stats().tokenRequests).toBeGreaterThanOrEqual(3);
    const gaps = requestTimes.slice(1).map((time, index) => time - (requestTimes[index] ?? 0));
    for (let index = 1; index < gaps.length; index += 1) {
      expect(gaps[index]).toBeGreaterThanOrEqual((gaps[index - 1] ?? 0) - 150);
    }
    // Never acked null: every answer is the upstream's reason and says when the relay asks again.
    expect(answers.length).toBeGreaterThan(20);
    for (const answer of answers) {
      expect(answer).toEqual(expect.stringMatching(/Invalid API key provided.*asks upstream again in \d+ s/));
    }
    expect(problems.some((problem) => problem.kind === 'upstream' && problem.retryIn !== undefined)).toBe(
      true,
    );
    expect(relay.stats().upstreamSubscriptions).toBe(0);
  }, 20_000);

  it("shows an upstream outage on a library client's status$ within 2 s, clears it when upstream heals, and reports every upstream problem", async () => {
    const relay = await start({}, { retryWait: () => 400 });
    const downstream: MarketProphitClient = createClient({
      url: relay.url,
      token: proxyToken(`${relay.url}/jwt`),
    });
    const statuses: { at: number; status: ClientStatus }[] = [];
    const status = downstream.status$.subscribe((value) => statuses.push({ at: Date.now(), status: value }));
    const downstreamProblems: string[] = [];
    const problemWatch = downstream.problems$.subscribe((problem) => downstreamProblems.push(problem.kind));
    const events: number[] = [];
    const data = downstream.subscribe$(PATH, { ticker: 'AAPL' }).subscribe(() => events.push(Date.now()));
    try {
      await until('data through the relay', () => events.length > 3, 5_000);
      // Upstream refuses the relay's socket and answers its next 4 token requests 503.
      upstream.failTokenRequests(4, 503);
      const brokeAt = Date.now();
      upstream.revokeTokens();
      const failing = await until(
        'an upstream problem on the client',
        () => statuses.some(({ at, status }) => at >= brokeAt && status.problem?.kind === 'upstream'),
        5_000,
      );
      expect(failing).toBeLessThanOrEqual(2_000);
      expect(statuses.at(-1)?.status).toMatchObject({ state: 'connected', problem: { kind: 'upstream' } });
      expect(statuses.at(-1)?.status.problem?.message).toMatch(/^Upstream: \S/);

      const healed = await until(
        'upstream healed on the client',
        () => changes.some((change) => change.component === 'upstream' && change.up),
        10_000,
      );
      const healedAt = brokeAt + failing + healed;
      await until(
        'the problem cleared',
        () => statuses.at(-1)?.status.problem === undefined && statuses.at(-1)?.status.state === 'connected',
        2_000,
      );
      expect((statuses.at(-1)?.at ?? 0) - healedAt).toBeLessThanOrEqual(2_000);
      const count = events.length;
      await until('data again', () => events.length > count + 3, 5_000);

      expect(downstreamProblems).toEqual(['upstream']);
      expect(changes.map(({ component, up }) => `${component} ${up ? 'up' : 'down'}`)).toEqual([
        'upstream down',
        'upstream up',
      ]);
      // Every failure of the relay's client: the refused handshake and each 503.
      const connection = problems.filter((problem) => problem.kind === 'connection');
      expect(connection.length).toBeGreaterThanOrEqual(5);
    } finally {
      data.unsubscribe();
      status.unsubscribe();
      problemWatch.unsubscribe();
    }
  }, 25_000);
});
