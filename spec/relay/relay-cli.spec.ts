import { firstValueFrom, take, toArray } from 'rxjs';
import { createClient, proxyToken } from '../../lib';
import { parseArgs } from '../../lib/cli/parse-args';
import { jsonLine, problemLine, relayLog, statusLine } from '../../lib/cli/relay-log';
import { io } from 'socket.io-client';
import { startServer } from '../../lib/server';
import { spawnCli } from '../cli/cli-process';
import { ack, connected } from '../server/helpers';
import { relayToken } from '../support/relay-token';
import { until } from '../support/wait';

describe('marketprophit-rx relay', () => {
  it('parses its flags and refuses bad ones', () => {
    expect(parseArgs(['relay'])).toEqual({
      ok: true,
      value: {
        kind: 'relay',
        port: 8080,
        host: '127.0.0.1',
        url: undefined,
        redis: undefined,
        standby: 0,
        public: false,
        origins: [],
        trustProxy: undefined,
        log: 'text',
        metrics: false,
      },
    });
    expect(parseArgs(['relay', '--port', '0', '--redis', 'redis://127.0.0.1:1', '--public'])).toMatchObject({
      ok: true,
      value: { port: 0, redis: 'redis://127.0.0.1:1', public: true },
    });
    expect(parseArgs(['relay', '--redis', 'http://x'])).toMatchObject({
      ok: false,
      error: /--redis must be/,
    });
    expect(parseArgs(['relay', '--url', 'nope'])).toMatchObject({ ok: false, error: /--url must be/ });
    expect(parseArgs(['relay', '--redis', 'redis://127.0.0.1:1', '--standby', '1'])).toMatchObject({
      ok: true,
      value: { redis: 'redis://127.0.0.1:1', standby: 1 },
    });
    expect(parseArgs(['relay', '--standby', '1'])).toMatchObject({ ok: false, error: /needs --redis/ });
    expect(parseArgs(['relay', '--redis', 'redis://x', '--standby', '2'])).toMatchObject({
      ok: false,
      error: /--standby must be 0 or 1/,
    });
    expect(parseArgs(['relay', '--log', 'json', '--metrics'])).toMatchObject({
      ok: true,
      value: { log: 'json', metrics: true },
    });
    expect(parseArgs(['relay', '--log', 'xml'])).toMatchObject({
      ok: false,
      error: /--log must be text or json/,
    });
  });

  it('reads --cors and --trust-proxy as startRelay takes them, and refuses bad ones', () => {
    expect(
      parseArgs(['relay', '--cors', 'https://a.example, https://b.example:8443', '--trust-proxy', '1']),
    ).toMatchObject({
      ok: true,
      value: { origins: ['https://a.example', 'https://b.example:8443'], trustProxy: 1 },
    });
    expect(parseArgs(['relay', '--cors', '*', '--trust-proxy', 'loopback,10.0.0.0/8'])).toMatchObject({
      ok: true,
      value: { origins: '*', trustProxy: ['loopback', '10.0.0.0/8'] },
    });
    expect(parseArgs(['relay', '--cors', 'https://a.example/app'])).toMatchObject({
      ok: false,
      error: /--cors: origins must be origins like/,
    });
    expect(parseArgs(['relay', '--trust-proxy', 'proxy.local'])).toMatchObject({
      ok: false,
      error: /--trust-proxy must be a number of hops/,
    });
  });

  it('writes each relay problem as one readable line, whatever was thrown', () => {
    const topic = '/real-time/crowd-sentiment {"ticker":"AAPL"}';
    expect(problemLine({ kind: 'upstream', topic, error: new Error('refused') })).toBe(
      `upstream problem for ${topic}: refused\n`,
    );
    expect(problemLine({ kind: 'lease', topic, error: { code: 42 } })).toBe(
      `lease problem for ${topic}: {"code":42}\n`,
    );
    expect(problemLine({ kind: 'connection', topic: '', error: new Error('HTTP 503'), retryIn: 1500 })).toBe(
      'connection problem: HTTP 503 (retry in 2 s)\n',
    );
    expect(statusLine({ component: 'redis', up: false, reason: 'ECONNREFUSED' })).toBe(
      'redis down: ECONNREFUSED\n',
    );
    expect(statusLine({ component: 'upstream', up: true })).toBe('upstream up\n');
    const json = relayLog('json', () => 0);
    expect(
      JSON.parse(json.problem({ kind: 'connection', topic: '', error: new Error('HTTP 503'), retryIn: 900 })),
    ).toEqual({
      time: '1970-01-01T00:00:00.000Z',
      level: 'warn',
      event: 'problem',
      kind: 'connection',
      message: 'HTTP 503',
      retryIn: 900,
    });
    expect(json.status({ component: 'redis', up: true })).toBe(
      jsonLine('info', 'status', { component: 'redis', up: true }, () => 0),
    );
    expect(json.stopped('SIGINT').split('\n')).toHaveLength(2);
  });

  it('relays an embedded local server without --url, until SIGINT', async () => {
    const run = spawnCli(['relay', '--port', '0']);
    const [, url = ''] = await run.waitForStdout(/relay listening on (http:\/\/127\.0\.0\.1:\d+)/, 15_000);
    const client = createClient({ url, token: proxyToken(`${url}/jwt`) });
    const events = await firstValueFrom(
      client.subscribe$('/real-time/tweet-volume', { ticker: 'AAPL' }).pipe(take(2), toArray()),
    );
    expect(events[1]?.results[0]).toMatchObject({ ticker: 'AAPL' });
    // Behind a proxy every caller is loopback: without --trust-proxy a forwarded request gets no token.
    const forwarded = await fetch(`${url}/jwt`, {
      method: 'POST',
      headers: { 'X-Forwarded-For': '203.0.113.9' },
    });
    expect(forwarded.status).toBe(401);
    expect(run.stdout()).toContain('forwarded requests refused, see --trust-proxy');
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toContain('SIGINT: relay stopped');
  }, 30_000);

  it('needs RELAY_SECRET to join a cluster', async () => {
    const run = spawnCli(['relay', '--port', '0', '--redis', 'redis://127.0.0.1:1']);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toContain('--redis needs RELAY_SECRET');
  }, 15_000);

  it('refuses a RELAY_SECRET shorter than 32 bytes, saying why', async () => {
    const run = spawnCli(['relay', '--port', '0'], { RELAY_SECRET: 'abc' });
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toContain('RELAY_SECRET: the secret must have at least 32 bytes, got 3');
  }, 15_000);

  it('with --log json, writes one JSON object per line, every upstream problem included', async () => {
    const upstream = await startServer({ apiKeys: { sk_test_other: {} }, logLimit: 10 });
    const run = spawnCli(['relay', '--port', '0', '--url', upstream.url, '--log', 'json'], {
      MARKETPROPHIT_API_KEY: 'sk_test_refused',
    });
    try {
      const [line = ''] = await run.waitForStdout(/^\{.*"event":"listening".*\}$/m, 15_000);
      const { url } = JSON.parse(line) as { url: string };
      const socket = await connected(
        io(url, {
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
          query: { token: await relayToken(url) },
        }),
      );
      try {
        expect(
          await ack(socket, 'subscribe', { path: '/real-time/crowd-sentiment', params: {} }, 8_000),
        ).toEqual(expect.stringContaining('Invalid API key provided'));
      } finally {
        socket.disconnect();
      }
      await until('the problems on stderr', () => run.stderr().includes('"kind":"upstream"'), 5_000);
      run.child.kill('SIGINT');
      expect(await run.exit).toBe(0);
      const lines = run
        .stderr()
        .trim()
        .split('\n')
        .map((text) => JSON.parse(text) as Record<string, unknown>);
      expect(lines).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            level: 'warn',
            event: 'problem',
            kind: 'connection',
            message: expect.stringContaining('Invalid API key'),
          }),
          expect.objectContaining({ level: 'warn', event: 'status', component: 'upstream', up: false }),
          expect.objectContaining({
            level: 'warn',
            event: 'problem',
            kind: 'upstream',
            retryIn: expect.any(Number),
          }),
        ]),
      );
      expect(lines.at(-1)).toMatchObject({ level: 'info', event: 'stopped', signal: 'SIGINT' });
      for (const entry of lines) expect(Date.parse(String(entry['time']))).not.toBeNaN();
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
      await upstream.close();
    }
  }, 30_000);
});
