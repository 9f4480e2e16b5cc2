import { postJwt } from '../server/helpers';
import { forkServing, type ServingProcess } from './child-process';

describe('forkServing (a server or relay in a child process)', () => {
  const started: ServingProcess<unknown>[] = [];
  afterEach(() => Promise.all(started.splice(0).map((child) => child.kill())));

  it('serves once ready, answers stats, and stop() ends it cleanly', async () => {
    const server = await forkServing('server', { interval: 50 });
    started.push(server);
    expect((await postJwt(server.url)).status).toBe(200);
    expect(await server.stats()).toEqual({ sockets: 0, tokenRequests: 1, subscriptions: 0 });
    await server.stop();
    expect(server.alive).toBe(false);
    await expect(server.stats()).rejects.toThrow('exited before stats');
    await expect(fetch(`${server.url}/jwt`, { method: 'POST' })).rejects.toThrow();
  }, 20_000);

  it('rejects with the reason when the child cannot start', async () => {
    await expect(forkServing('relay', { upstream: { apiKey: 'sk_test_x' }, leaseTtl: -1 })).rejects.toThrow(
      'serving process: startRelay: leaseTtl must be a positive number, got -1',
    );
  }, 20_000);

  it('rejects when the child is not ready in time (having killed it)', async () => {
    await expect(forkServing('server', {}, { readyWithin: 1 })).rejects.toThrow(
      'serving process: no ready within 1 ms',
    );
  });
});
