import { io, type Socket } from 'socket.io-client';
import packageJson from '../../package.json';
import { DEFAULT_API_KEY, startServer, type LocalServer } from '../../lib/server';
import { logged } from '../support/harness';
import { delay, until } from '../support/wait';
import { type CliProcess, killAll, spawnCli } from './cli-process';

jest.setTimeout(15_000);

describe('marketprophit-rx (end to end)', () => {
  const running: CliProcess[] = [];
  const servers: LocalServer[] = [];
  const sockets: Socket[] = [];
  const cli = (args: readonly string[], env?: Record<string, string>) => {
    const process = spawnCli(args, env);
    running.push(process);
    return process;
  };
  afterEach(async () => {
    killAll(running);
    for (const socket of sockets.splice(0)) socket.disconnect();
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  it('stream --count 3 prints 3 NDJSON events of protocol shape from its own local server, exit 0', async () => {
    const run = cli(['stream', '/real-time/crowd-sentiment', '--ticker', 'AAPL', '--count', '3']);

    expect(await run.exit).toBe(0);
    const lines = run.stdout().trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      const event: unknown = JSON.parse(line);
      expect(event).toEqual({
        path: '/real-time/crowd-sentiment',
        params: { ticker: 'AAPL' },
        results: [{ ts: expect.any(String), ticker: 'AAPL', crowd_sentiment: expect.any(Number) }],
        timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
    }
    expect(run.stderr()).toMatch(/streaming generated data from a local server at http:\/\/127\.0\.0\.1:\d+/);
  });

  it('a bad path exits 2 with the valid paths and a usage hint', async () => {
    const run = cli(['stream', 'crowd-sentimnet']);

    expect(await run.exit).toBe(2);
    expect(run.stdout()).toBe('');
    expect(run.stderr()).toContain(
      "Unknown real-time path 'crowd-sentimnet'. Did you mean 'crowd-sentiment'? Valid paths:\n  crowd-sentiment\n",
    );
    expect(run.stderr()).toContain("Run 'marketprophit-rx --help' for usage.");
  });

  it('--url without MARKETPROPHIT_API_KEY exits 2 and says what to set', async () => {
    const run = cli(['stream', 'tweet-buzz', '--url', 'http://127.0.0.1:9']);

    expect(await run.exit).toBe(2);
    expect(run.stderr()).toContain('set MARKETPROPHIT_API_KEY');
  });

  it('--help and --version print to stdout and exit 0', async () => {
    const help = cli(['--help']);
    const version = cli(['--version']);

    expect(await help.exit).toBe(0);
    expect(help.stdout()).toContain('marketprophit-rx stream <path> [--ticker AAPL]');
    expect(await version.exit).toBe(0);
    expect(version.stdout()).toBe(`${packageJson.version}\n`);
  });

  it('a refused API key ends the stream with the TokenError on stderr, exit 1', async () => {
    const server = await startServer({ port: 0, interval: 20 });
    servers.push(server);
    const run = cli(['stream', 'tweet-buzz', '--url', server.url], {
      MARKETPROPHIT_API_KEY: 'sk_test_wrong',
    });

    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain('TokenError [unauthorized]: Token request failed with HTTP 401');
  });

  it('an unreachable --url says why on stderr within seconds while it retries (piped)', async () => {
    const server = await startServer({ port: 0 });
    const url = server.url;
    await server.close(); // nothing listens there any more
    const run = cli(['stream', 'tweet-buzz', '--url', url], { MARKETPROPHIT_API_KEY: 'sk_test_x' });

    await until('a reason on stderr', () => /ECONNREFUSED.*\(try 2, again in/.test(run.stderr()), 8_000);
    expect(run.stderr()).toContain(
      `marketprophit-rx: Token request to ${url}/jwt failed: connect ECONNREFUSED`,
    );
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
  });

  it('SIGINT on a running stream unsubscribes, closes the socket and exits 0 quickly', async () => {
    const server = await startServer({ port: 0, interval: 20 });
    servers.push(server);
    const run = cli(['stream', 'tweet-volume', '--ticker', 'TSLA', '--url', server.url], {
      MARKETPROPHIT_API_KEY: DEFAULT_API_KEY,
    });
    await run.waitForStdout(/\n.*\n/);

    const signalled = Date.now();
    run.child.kill('SIGINT');

    expect(await run.exit).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(1_500);
    await until('the server to see the socket close', () => server.stats().sockets === 0, 1_000);
    expect(logged(server, 'unsubscribe').map((entry) => entry.options)).toEqual([
      { path: '/real-time/tweet-volume', params: { ticker: 'TSLA' } },
    ]);
    expect(server.stats()).toMatchObject({ sockets: 0, subscriptions: 0 });
  });

  it('the same SIGINT twice at once (a terminal and npm start both send it) still stops cleanly, exit 0', async () => {
    const server = await startServer({ port: 0, interval: 20 });
    servers.push(server);
    const run = cli(['stream', 'tweet-volume', '--ticker', 'TSLA', '--url', server.url], {
      MARKETPROPHIT_API_KEY: DEFAULT_API_KEY,
    });
    await run.waitForStdout(/\n.*\n/);

    run.child.kill('SIGINT');
    // npm forwards it a moment later (two signals sent back to back would merge into one).
    await delay(50);
    run.child.kill('SIGINT');

    expect(await run.exit).toBe(0);
    expect(run.stderr()).toMatch(/^SIGINT: stopped after \d+ events?; unsubscribed and closed the socket$/m);
    expect(logged(server, 'unsubscribe')).toHaveLength(1);
  });

  it('serve on a port in use says so in one line, exit 1', async () => {
    const server = await startServer({ port: 0 });
    servers.push(server);
    const port = new URL(server.url).port;
    const run = cli(['serve', '--port', port]);

    expect(await run.exit).toBe(1);
    expect(run.stderr()).toBe(
      `marketprophit-rx: port ${port} is in use on 127.0.0.1 (another 'serve'?): pick another with --port, or --port 0 for any free one\n`,
    );
  });

  it('SIGTERM on a stream with its own local server exits 0', async () => {
    const run = cli(['stream', 'crowd-sentiment']);
    await run.waitForStdout(/\n/);

    run.child.kill('SIGTERM');

    expect(await run.exit).toBe(0);
  });

  it('ends quietly when the reader of its stdout goes away (EPIPE)', async () => {
    const run = cli(['stream', 'market-prophit-sentiment']);
    await run.waitForStdout(/\n/);

    run.child.stdout.destroy();

    expect(await run.exit).toBe(0);
    expect(run.stderr()).not.toMatch(/EPIPE|Error/);
  });

  it('serve --port 0 prints a URL a raw socket.io client can get a token for and stream from', async () => {
    const run = cli(['serve', '--port', '0', '--interval', '20']);
    const [, url = ''] = await run.waitForStdout(/listening on (http:\/\/\S+)\n/);
    expect(run.stdout()).toContain(`API key: ${DEFAULT_API_KEY}`);

    const response = await fetch(`${url}/jwt`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${DEFAULT_API_KEY}:`).toString('base64')}` },
    });
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    const socket = io(url, { query: { token }, transports: ['websocket'], forceNew: true });
    sockets.push(socket);
    const ack = new Promise<unknown>((resolve) =>
      socket.emit('subscribe', { path: '/real-time/tweet-buzz', params: { ticker: 'AAPL' } }, resolve),
    );
    const data = new Promise<unknown>((resolve) => socket.once('data', resolve));

    expect(await ack).toBeNull();
    expect(await data).toMatchObject({
      path: '/real-time/tweet-buzz',
      params: { ticker: 'AAPL' },
      results: [{ ticker: 'AAPL', buzz: expect.any(String) }],
    });

    socket.disconnect();
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toContain('SIGINT: server stopped');
  });
});
