import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../examples/node-pipeline';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marketprophit-node-pipeline-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const readLines = async (file: string): Promise<unknown[]> =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);

const dataEvent = {
  path: '/real-time/crowd-sentiment',
  params: { ticker: 'AAPL' },
  results: [
    {
      ts: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      ticker: 'AAPL',
      crowd_sentiment: expect.any(Number),
    },
  ],
  timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
};

describe('examples/node-pipeline', () => {
  it('writes `count` data events as NDJSON lines, then finishes', async () => {
    const file = join(dir, 'out.ndjson');
    await expect(main({ file, count: 5, interval: 10 })).resolves.toEqual({ aborted: false });
    const lines = await readLines(file);
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line).toEqual(dataEvent);
  });

  it('stops cleanly when its signal aborts', async () => {
    const file = join(dir, 'aborted.ndjson');
    const started = Date.now();
    const result = await main({ file, count: Infinity, interval: 10, signal: AbortSignal.timeout(300) });
    expect(result).toEqual({ aborted: true });
    expect(Date.now() - started).toBeLessThan(5_000);
    const lines = await readLines(file);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toEqual(dataEvent);
  });
});
