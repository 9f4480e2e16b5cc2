import { signJwt } from '../../lib/front/jwt';
import { connected, getToken, nextEvent } from './helpers';
import { harness } from '../support/harness';

const h = harness({ interval: 20 });
afterEach(() => h.cleanUp());

/** The `connect_error` of a handshake the server refuses (no reconnection, so one attempt). */
const refusal = async (url: string, token: string | undefined) => {
  const socket = h.connect(url, token, { reconnection: false });
  const [error] = (await nextEvent(socket, 'connect_error')) as [Error & { data?: unknown }];
  return { message: error.message, data: error.data, active: socket.active };
};

describe('socket.io handshake', () => {
  it('accepts a token from POST /jwt and logs the connect with it', async () => {
    const server = await h.start();
    const token = await getToken(server);
    const socket = await connected(h.connect(server.url, token));
    expect(socket.connected).toBe(true);
    expect(server.stats().sockets).toBe(1);
    expect(server.log).toContainEqual(
      expect.objectContaining({ type: 'connect', socketId: socket.id, token }),
    );
  });

  it('refuses a handshake without a token', async () => {
    const server = await h.start();
    expect(await refusal(server.url, undefined)).toEqual({
      message: 'missing token',
      data: { code: 'missing_token' },
      active: false,
    });
    expect(server.log).toContainEqual(
      expect.objectContaining({ type: 'handshake_refused', code: 'missing_token' }),
    );
  });

  it('refuses a token signed with another secret or not a JWT', async () => {
    const server = await h.start({ secret: 'one' });
    const other = await h.start({ secret: 'two' });
    const foreign = await getToken(other);
    expect(await refusal(server.url, foreign)).toEqual({
      message: 'invalid token: bad signature',
      data: { code: 'invalid_token' },
      active: false,
    });
    expect((await refusal(server.url, 'garbage')).message).toBe('invalid token: malformed');
  });

  it('refuses an expired token', async () => {
    let now = Date.now();
    const server = await h.start({ tokenTtl: 60_000, clock: () => now });
    const token = await getToken(server);
    now += 61_000;
    expect(await refusal(server.url, token)).toEqual({
      message: 'token expired',
      data: { code: 'token_expired' },
      active: false,
    });
  });

  it('refuses a well-signed token of a key the server does not know', async () => {
    const server = await h.start({ secret: 'shared' });
    const iat = Math.floor(Date.now() / 1000);
    const token = signJwt({ sub: 'key_0000000000000000', jti: 'x', iat, exp: iat + 60 }, 'shared');
    expect((await refusal(server.url, token)).message).toBe('invalid token: unknown key');
  });

  it('revokeTokens: refuses old tokens, disconnects their sockets, accepts new tokens', async () => {
    const server = await h.start();
    const token = await getToken(server);
    const socket = await connected(h.connect(server.url, token, { reconnection: false }));
    const disconnected = nextEvent(socket, 'disconnect');
    server.revokeTokens();
    expect((await disconnected)[0]).toBe('io server disconnect');
    expect(await refusal(server.url, token)).toEqual({
      message: 'invalid token: revoked',
      data: { code: 'invalid_token' },
      active: false,
    });
    const fresh = await connected(h.connect(server.url, await getToken(server)));
    expect(fresh.connected).toBe(true);
  });

  it('expireTokens: the same, reported as expired', async () => {
    const server = await h.start();
    const token = await getToken(server);
    const socket = await connected(h.connect(server.url, token, { reconnection: false }));
    const disconnected = nextEvent(socket, 'disconnect');
    server.expireTokens();
    expect((await disconnected)[0]).toBe('io server disconnect');
    expect(await refusal(server.url, token)).toEqual({
      message: 'token expired',
      data: { code: 'token_expired' },
      active: false,
    });
  });

  it('a restarted server on the same port with the same secret accepts the old token', async () => {
    const first = await h.start({ secret: 'restart-secret' });
    const token = await getToken(first);
    const { port } = first;
    await first.close();
    await first.close(); // safe twice
    const second = await h.start({ port, secret: 'restart-secret' });
    expect(second.url).toBe(first.url);
    const socket = await connected(h.connect(second.url, token));
    expect(socket.connected).toBe(true);
  });

  it('a socket.io client reconnects by itself to a restarted server', async () => {
    const first = await h.start({ secret: 'restart-secret' });
    const token = await getToken(first);
    const socket = await connected(h.connect(first.url, token));
    const disconnected = nextEvent(socket, 'disconnect');
    await first.close();
    expect((await disconnected)[0]).toBe('transport close');
    const second = await h.start({ port: first.port, secret: 'restart-secret' });
    await nextEvent(socket, 'connect');
    expect(second.stats().sockets).toBe(1);
  });

  it('opens Engine.IO 3 sessions for legacy socket.io 2 clients', async () => {
    const server = await h.start();
    const token = await getToken(server);
    const response = await fetch(`${server.url}/socket.io/?EIO=3&transport=polling&token=${token}`);
    expect(response.status).toBe(200);
    // EIO 3 polling frames are length-prefixed: "<length>:0{...open packet...}"
    const body = await response.text();
    expect(body).toMatch(/^\d+:0\{"sid":"[^"]+"/);
  });
});
