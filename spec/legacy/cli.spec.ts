import { type CliProcess, killAll, spawnCli } from '../cli/cli-process';
import { type LegacyServer, startLegacyServer } from './legacy-server';

jest.setTimeout(20_000);

const KEY = { MARKETPROPHIT_API_KEY: 'sk_test_legacy' };

describe('marketprophit-rx stream against a socket.io 1.7.4 server', () => {
  let server: LegacyServer;
  const running: CliProcess[] = [];
  const cli = (args: readonly string[]) => {
    const run = spawnCli(args, KEY);
    running.push(run);
    return run;
  };

  beforeEach(async () => {
    server = await startLegacyServer({ generation: 1 });
    server.valid.add('token-1');
  });
  afterEach(async () => {
    killAll(running);
    await server.close();
  });

  it('streams with no option: says once on stderr that it uses the Engine.IO 3 client, exit 0', async () => {
    const run = cli(['stream', 'tweet-volume', '--ticker', 'AAPL', '--count', '3', '--url', server.url]);

    expect(await run.exit).toBe(0);
    const lines = run.stdout().trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      path: '/real-time/tweet-volume',
      params: { ticker: 'AAPL' },
      results: [{ ticker: 'AAPL', volume: 12 }],
    });
    const notes = run.stderr().match(/using the Engine\.IO 3 client/g) ?? [];
    expect(notes).toHaveLength(1);
    expect(run.stderr()).toContain(
      `marketprophit-rx: ${server.url} speaks socket.io 1.x/2.x (Engine.IO 3); using the Engine.IO 3 client\n`,
    );
  });

  it('--socket-io 2 streams without trying socket.io-client 4', async () => {
    const run = cli(['stream', 'tweet-volume', '--count', '2', '--url', server.url, '--socket-io', '2']);

    expect(await run.exit).toBe(0);
    expect(run.stdout().trimEnd().split('\n')).toHaveLength(2);
    expect(server.handshakes.map(({ eio }) => eio)).toEqual(['3']);
    expect(run.stderr()).not.toMatch(/Engine\.IO 3/);
  });

  it('--socket-io 4 fails fast with protocol_mismatch, exit 1', async () => {
    const run = cli(['stream', 'tweet-volume', '--url', server.url, '--socket-io', '4']);

    expect(await run.exit).toBe(1);
    expect(run.stderr()).toMatch(/ConnectionError \[protocol_mismatch\]: .* but `socketIo` is 4/);
  });

  it('--socket-io 3 is a usage error, exit 2', async () => {
    const run = cli(['stream', 'tweet-volume', '--url', server.url, '--socket-io', '3']);

    expect(await run.exit).toBe(2);
    expect(run.stderr()).toMatch(
      /--socket-io must be auto, 2 \(socket\.io 1\.x\/2\.x servers\) or 4, got '3'/,
    );
  });
});
