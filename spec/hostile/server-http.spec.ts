import { connect } from 'node:net';
import { DEFAULT_LIMITS, type LocalServer } from '../../lib/server';
import { basic, getToken } from '../server/helpers';
import { harness } from '../support/harness';

/** Sends raw bytes and collects the answer until the server ends the connection (or 3 s pass). */
const raw = (server: LocalServer, bytes: string | Buffer, keepWriting = false): Promise<string> =>
  new Promise((resolve) => {
    const socket = connect(server.port, '127.0.0.1');
    let answer = '';
    let writer: NodeJS.Timeout | undefined;
    const done = () => {
      clearTimeout(timer);
      clearInterval(writer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(done, 3000);
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', done);
    socket.on('error', done);
    socket.write(bytes);
    if (keepWriting) {
      // Chunks of 16 KiB (0x4000 bytes), for as long as the connection stays open.
      const chunk = `4000\r\n${'x'.repeat(16_384)}\r\n`;
      writer = setInterval(() => {
        if (!socket.destroyed) socket.write(chunk);
      }, 5);
    }
  });

const statusOf = (answer: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);

const request = (target: string, headers: Record<string, string> = {}, method = 'GET', body = ''): string =>
  `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n${body}`;

describe('the local server answers hostile HTTP with an error and keeps serving', () => {
  const h = harness({ interval: 20 });
  let server: LocalServer;
  beforeAll(async () => {
    server = await h.start();
  });
  afterAll(() => h.cleanUp());
  // After every hostile request, another client still gets a token.
  afterEach(async () => expect(await getToken(server)).toMatch(/^ey/));

  it.each([
    ['a request-target that is no URL', '//['],
    ['an absolute-form target with a broken host', 'http://[::1/jwt'],
    ['a target with a broken IPv6 host in the path', '//[zz]/jwt'],
  ])('answers 400 to %s', async (_name, target) => {
    for (const method of ['GET', 'POST', 'OPTIONS']) {
      const answer = await raw(server, request(target, {}, method));
      expect(statusOf(answer)).toBe(400);
      expect(answer).toContain('Malformed request-target');
    }
  });

  it('answers 400 to bytes that are not HTTP', async () => {
    expect(statusOf(await raw(server, Buffer.from([0, 1, 2, 255, 13, 10, 13, 10])))).toBe(400);
  });

  it.each([
    ['not base64', 'Basic !!!***'],
    ['base64 of binary', `Basic ${Buffer.from([0xff, 0xfe, 0, 0x3a]).toString('base64')}`],
    ['an empty user', basic('')],
    ['no credentials', 'Basic'],
    ['a long value', `Basic ${'A'.repeat(12_000)}`],
  ])('answers 401 to Basic auth with %s', async (_name, authorization) => {
    const answer = await raw(server, request('/jwt', { Authorization: authorization }, 'POST'));
    expect(statusOf(answer)).toBe(401);
    const historical = await raw(
      server,
      request('/historical/crowd-sentiment', { Authorization: authorization }),
    );
    expect(statusOf(historical)).toBe(401);
  });

  it('answers 431 to headers over 16 KB', async () => {
    const answer = await raw(server, request('/jwt', { 'X-Padding': 'x'.repeat(20_000) }, 'POST'));
    expect(statusOf(answer)).toBe(431);
  });

  it('answers 413 to a declared body over maxBodyBytes', async () => {
    const size = DEFAULT_LIMITS.maxBodyBytes + 1;
    const answer = await raw(server, request('/jwt', { 'Content-Length': String(size) }, 'POST'));
    expect(statusOf(answer)).toBe(413);
    expect(answer).toContain(`Request body larger than ${DEFAULT_LIMITS.maxBodyBytes} bytes`);
  });

  it('closes the connection of a chunked body that grows past maxBodyBytes', async () => {
    const started = Date.now();
    const head = `POST /nowhere HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n`;
    await raw(server, head, true);
    // Closed by the server long before the 3 s the helper waits at most.
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it.each([
    ['bad percent escapes', '/historical/crowd-sentiment?ticker=%ZZ%'],
    ['empty names and values', '/historical/crowd-sentiment?&&&==&ticker'],
    ['3,000 params', `/historical/crowd-sentiment?${'a=1&'.repeat(3000)}`],
    ['bad dates', '/historical/crowd-sentiment?ticker=AAPL&start_ts=not-a-date&end_ts=%00'],
    ['prototype names', '/historical/crowd-sentiment?__proto__=x&constructor=y'],
    ['an escaped traversal', '/historical/..%2f..%2fjwt'],
  ])('answers 4xx to a query with %s', async (_name, target) => {
    const status = statusOf(
      await raw(server, request(target, { Authorization: basic('sk_test_marketprophit') })),
    );
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });
});
