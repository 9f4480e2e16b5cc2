import { DecodeError } from '../../lib/errors/decode-error';
import { CROWD, harness, record } from './support';
import { delay, until } from '../support/wait';

const A = { ticker: 'AAPL' } as const;
const B = { ticker: 'TSLA' } as const;
const INJECTED = 100;

// Far in the future, so A's injected events can be told from the generated ones.
const injectedAt = (index: number) => new Date(Date.UTC(2100, 0, 1, 0, 0, 0, index));

describe('every 10th payload of one subscription is malformed', () => {
  let h: ReturnType<typeof harness>;
  beforeEach(() => {
    h = harness();
  });
  afterEach(() => h.cleanUp());

  it('that subscription errors with a DecodeError naming the field; its sibling keeps receiving', async () => {
    const server = await h.start();
    const sent = record(server, 'sent');
    h.track(sent.subscription);
    const client = h.client(server.url);
    const unroutable: unknown[] = [];
    h.track(client.unroutable$.subscribe((error) => unroutable.push(error)));
    const a = { received: [] as Date[], errors: [] as unknown[] };
    const b = { received: [] as Date[], errors: [] as unknown[] };
    for (const [params, into] of [
      [A, a],
      [B, b],
    ] as const) {
      h.track(
        client.subscribe$(CROWD, params).subscribe({
          next: (event) => into.received.push(event.timestamp),
          error: (error: unknown) => into.errors.push(error),
        }),
      );
    }
    await until('data on both', () => a.received.length >= 2 && b.received.length >= 2);
    const template = sent.entries.find((entry) => entry.params !== null && entry.path === CROWD)?.results[0];
    expect(template).toBeDefined();
    const bAtStart = b.received.length;

    for (let index = 0; index < INJECTED; index += 1) {
      const malformed = index % 10 === 9;
      server.injectRaw({
        path: CROWD,
        params: A,
        timestamp: injectedAt(index).toISOString(),
        results: [{ ...template, ticker: 'AAPL', ts: malformed ? 'bad' : template?.['ts'] }],
      });
      await delay(3);
    }
    const bAfterInjection = b.received.length;
    expect(bAfterInjection).toBeGreaterThan(bAtStart + 10);
    await until('B past the end of the injection', () => b.received.length >= bAfterInjection + 5);

    const injectedReceived = a.received.filter((at) => at.getUTCFullYear() === 2100);
    expect(injectedReceived).toEqual([...Array(9).keys()].map(injectedAt));
    expect(a.errors).toHaveLength(1);
    const [error] = a.errors;
    expect(error).toBeInstanceOf(DecodeError);
    expect(error).toMatchObject({ name: 'DecodeError', code: 'invalid_payload', path: CROWD, params: A });
    expect((error as DecodeError).report).toEqual([
      expect.stringMatching(/^Invalid value "bad" supplied to results\/0\/ts: /),
    ]);
    expect((error as DecodeError).message).toContain('results/0/ts');

    // B got every event the server sent it, in order, before, during and after A's failure
    expect(b.errors).toEqual([]);
    const sentToB = sent.entries
      .filter((entry) => entry.path === CROWD && JSON.stringify(entry.params) === JSON.stringify(B))
      .map((entry) => entry.timestamp);
    const receivedByB = b.received.map((at) => at.toISOString());
    expect(receivedByB).toEqual(
      sentToB.slice(sentToB.indexOf(receivedByB[0] ?? ''), sentToB.indexOf(receivedByB.at(-1) ?? '') + 1),
    );
    expect(unroutable).toEqual([]);
    // A was taken back on the server; B is still there
    expect(server.subscriptions().map(({ params }) => params)).toEqual([B]);
    await h.release();
  });
});
