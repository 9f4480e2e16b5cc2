import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createClient } from '../../lib/client/create-client';
import { startServer } from '../../lib/server';
import { clientOptions } from '../support/client-options';
import { until } from '../support/wait';
import { AAPL, CROWD } from './support';

/** Runs `script` in a Node process of its own; resolves with its exit code and output. */
const runAlone = (script: string) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });

describe('client.close() against the local server', () => {
  it('closes the socket at once and completes every stream', async () => {
    const server = await startServer({ port: 0, interval: 15 });
    // a minute of linger and a 5-hour token refresh: were close() to leave either, a handle would stay
    const client = createClient(clientOptions({ url: server.url, linger: 60_000 }));
    const states: string[] = [];
    const ended = { data: false, state: false, token: false };
    client.state$.subscribe({ next: (state) => states.push(state), complete: () => (ended.state = true) });
    client.token$.subscribe({ complete: () => (ended.token = true) });
    let events = 0;
    client
      .subscribe$(CROWD, AAPL)
      .subscribe({ next: () => (events += 1), complete: () => (ended.data = true) });
    await until('data', () => events > 0);
    expect(server.stats().sockets).toBe(1);

    client.close();
    expect(ended).toEqual({ data: true, state: true, token: true });
    expect(states.at(-1)).toBe('idle');
    await until('the server to see the socket close', () => server.stats().sockets === 0, 1_000);
    await server.close();
  });

  it('leaves no socket or timer: a process that closed its client and server exits by itself', async () => {
    const { code, output } = await runAlone(join(__dirname, 'close-and-exit.ts'));
    expect({ code, output }).toEqual({ code: 0, output: '' });
  }, 20_000);

  it('aborts a token request under way', async () => {
    const held: IncomingMessage[] = [];
    let aborted = 0;
    // answers no POST /jwt: the request is under way when the client closes
    const jwt = createServer((request) => {
      held.push(request);
      request.on('close', () => (aborted += 1));
    });
    await new Promise<void>((resolve) => jwt.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(jwt.address() as AddressInfo).port}`;
      const client = createClient(clientOptions({ url }));
      let completed = false;
      client.subscribe$(CROWD, AAPL).subscribe({ complete: () => (completed = true) });
      await until('the token request', () => held.length === 1);

      client.close();
      expect(completed).toBe(true);
      await until('the request to be aborted', () => aborted === 1, 1_000);
    } finally {
      jwt.closeAllConnections();
      await new Promise((resolve) => jwt.close(resolve));
    }
  });
});
