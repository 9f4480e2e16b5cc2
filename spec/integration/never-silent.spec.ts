import {
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
  createServer,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server as SocketServer } from 'socket.io';
import { type Observable, firstValueFrom, take, timeout, toArray } from 'rxjs';
import { createClient } from '../../lib/client/create-client';
import type { ConnectionProblem } from '../../lib/lifecycle/client-state';
import { startLegacyServer } from '../legacy/legacy-server';
import { errorOf } from '../support/harness';
import { delay, until } from '../support/wait';
import { AAPL, VOLUME } from './support';

/** A plain HTTP server on a random loopback port, closed after each test. */
const servers: HttpServer[] = [];
const listen = async (handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> => {
  const http = createServer(handler);
  servers.push(http);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
};
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (http) =>
        new Promise((resolve) => {
          http.closeAllConnections();
          http.close(resolve);
        }),
    ),
  );
});

/** Deterministic backoff: 100, 200, 400 … ms. */
const doubling = (attempt: number) => 100 * 2 ** (attempt - 1);

const firstProblems = (problems$: Observable<ConnectionProblem>, count: number, ms = 3_000) =>
  firstValueFrom(problems$.pipe(take(count), toArray(), timeout(ms)));

describe('never silent: every wait is bounded and every failure is visible', () => {
  it('a token endpoint that never answers: a timeout problem, the request aborted, retried with backoff', async () => {
    const requests: IncomingMessage[] = [];
    const closed: IncomingMessage[] = [];
    const url = await listen((req) => {
      requests.push(req);
      req.socket.on('close', () => closed.push(req));
    });
    const client = createClient({
      url,
      apiKey: 'sk_test_hang',
      linger: 0,
      policy: { tokenTimeout: 150, retryWait: doubling },
    });
    const subscription = client.subscribe$(VOLUME, AAPL).subscribe();
    const problems = await firstProblems(client.problems$, 2);
    expect(
      problems.map(({ kind, error, retryIn }) => [kind, (error as { code?: string }).code, retryIn]),
    ).toEqual([
      ['token', 'timeout', 100],
      ['token', 'timeout', 200],
    ]);
    expect(problems[0]?.message).toBe(`No token from ${url}/jwt within 150 ms (request aborted)`);
    expect(await firstValueFrom(client.status$)).toMatchObject({
      state: 'authenticating',
      problem: problems[1],
    });
    await until('the timed-out requests to be aborted', () => closed.length >= 2);
    subscription.unsubscribe();
    const asked = requests.length;
    await delay(500);
    expect(requests.length).toBe(asked); // nothing asked for a token after the last subscriber left
  });

  it('aborts a token request nobody needs any more', async () => {
    const closed: IncomingMessage[] = [];
    let asked = 0;
    const url = await listen((req) => {
      asked += 1;
      req.socket.on('close', () => closed.push(req));
    });
    const client = createClient({ url, apiKey: 'sk_test_hang', linger: 0 });
    const subscription = client.subscribe$(VOLUME, AAPL).subscribe();
    await until('the token request', () => asked === 1);
    subscription.unsubscribe();
    await until('the token request to be aborted', () => closed.length === 1, 1_000);
  });

  it('an unreachable url: the reason shows within a second, and retries go on', async () => {
    const url = await listen(() => undefined);
    const port = new URL(url).port;
    await new Promise((resolve) => servers.pop()?.close(resolve)); // nothing listens there now
    const client = createClient({
      url: `http://127.0.0.1:${port}`,
      apiKey: 'sk_test_x',
      policy: { retryWait: doubling },
    });
    const subscription = client.subscribe$(VOLUME, AAPL).subscribe();
    const [problem] = await firstProblems(client.problems$, 1, 1_000);
    subscription.unsubscribe();
    expect(problem).toMatchObject({ kind: 'token', attempt: 1, retryIn: 100, error: { code: 'network' } });
    expect(problem?.message).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}`));
  });

  it("a socket that cannot connect: the problem names the system's reason (ECONNREFUSED)", async () => {
    const url = await listen(() => undefined);
    await new Promise((resolve) => servers.pop()?.close(resolve)); // nothing listens there now
    const client = createClient({ url, token: () => 't', policy: { retryWait: doubling } });
    const subscription = client.subscribe$(VOLUME, AAPL).subscribe();
    const [problem] = await firstProblems(client.problems$, 1, 1_000);
    subscription.unsubscribe();
    expect(problem).toMatchObject({ kind: 'connect', error: { code: 'connect_failed' } });
    expect(problem?.message).toMatch(
      new RegExp(
        `^Could not connect to ${url}: websocket error \\(connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+\\)$`,
      ),
    );
  });

  it('a server that hangs up on every connect: the gaps between connections grow', async () => {
    const connections: number[] = [];
    const url = await listen((req, res) => {
      if (req.url === '/jwt') res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"t"}');
    });
    const io = new SocketServer(servers[0]);
    io.on('connection', (socket) => {
      connections.push(Date.now());
      socket.disconnect(true);
    });
    try {
      const client = createClient({ url, apiKey: 'sk_test_x', linger: 0, policy: { retryWait: doubling } });
      const subscription = client.subscribe$(VOLUME, AAPL).subscribe();
      await until('five connections', () => connections.length >= 5, 5_000);
      subscription.unsubscribe();
      const gaps = connections.slice(1, 5).map((at, index) => at - (connections[index] ?? at));
      // waits of 100, 200, 400, 800 ms before the 2nd … 5th connection: each gap is at least its wait (a
      // busy machine only makes gaps longer), so a wait that does not grow fails by the 4th gap
      gaps.forEach((gap, index) => expect(gap).toBeGreaterThanOrEqual(doubling(index + 1) - 5));
    } finally {
      await new Promise((resolve) => io.close(() => resolve(undefined)));
    }
  });

  it('a client held to socket.io 4 against a socket.io 2 server fails fast with a protocol_mismatch naming the fix', async () => {
    const legacy = await startLegacyServer();
    try {
      legacy.valid.add('valid-token');
      const client = createClient({ url: legacy.url, token: () => 'valid-token', linger: 0, socketIo: 4 });
      const started = Date.now();
      const error = await errorOf(client.subscribe$(VOLUME, AAPL), 5_000);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(error).toMatchObject({ name: 'ConnectionError', code: 'protocol_mismatch' });
      expect((error as Error).message).toMatch(/`socketIo` is 4: use 'auto' \(the default\) or 2/);
      expect(await firstValueFrom(client.status$)).toMatchObject({
        state: 'failed',
        problem: { kind: 'protocol' },
      });
    } finally {
      await legacy.close();
    }
  });
});
