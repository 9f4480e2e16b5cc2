import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultFetch } from '../../lib/util/default-fetch';
import { importByName } from '../../lib/util/import-by-name';

describe('defaultFetch', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((_, response) => response.end('hello'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('calls the global fetch, looked up at each call', async () => {
    const original = globalThis.fetch;
    const seen: string[] = [];
    globalThis.fetch = (async (input: string, init?: RequestInit) => {
      seen.push(input);
      return original(input, init);
    }) as typeof fetch;
    try {
      expect(await (await defaultFetch(url)).text()).toBe('hello');
    } finally {
      globalThis.fetch = original;
    }
    expect(seen).toEqual([url]);
  });

  it('loads cross-fetch where there is no global fetch', async () => {
    const original = globalThis.fetch;
    Reflect.deleteProperty(globalThis, 'fetch');
    try {
      expect(typeof globalThis.fetch).toBe('undefined');
      expect(await (await defaultFetch(url)).text()).toBe('hello');
    } finally {
      globalThis.fetch = original;
    }
  });

  it('importByName rejects for a module that is not there', async () => {
    await expect(importByName('marketprophit-rx-no-such-module')).rejects.toThrow(/Cannot find module/);
  });
});
