import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(__dirname, '..', '..');

/** The files that put code into a one-file browser bundle (no code splitting) of `source`. */
const bundledInputs = async (
  source: string,
  external = ['rxjs', 'io-ts', 'fp-ts', 'socket.io-client'],
): Promise<string[]> => {
  const result = await build({
    stdin: { contents: source, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    splitting: false,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    external,
  });
  const [output] = Object.values(result.metafile.outputs);
  return Object.entries(output?.inputs ?? {})
    .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
    .map(([input]) => input);
};

describe('the streaming client, bundled as one file (no code splitting)', () => {
  const app = `
    import { createClient, proxyToken } from './lib/index';
    const client = createClient({ url: location.origin, token: proxyToken('/jwt') });
    client.state$.subscribe(console.log);
    client.subscribe$('/real-time/crowd-sentiment', { ticker: 'AAPL' }).subscribe(console.log);
    client.history$('/historical/crowd-sentiment', { ticker: 'AAPL' }).subscribe(console.log);`;

  it('leaves out the historical catalogue and cross-fetch, even where history$ is called', async () => {
    const inputs = await bundledInputs(app);
    expect(inputs).toContain('lib/client/create-client.ts');
    expect(inputs.filter((input) => /lib\/history\/|historical|cross-fetch|node-fetch/.test(input))).toEqual(
      [],
    );
  });

  it('leaves out the `apiKey` token source and the fetch polyfill (package.json `imports` `#platform`)', async () => {
    const inputs = await bundledInputs(app);
    expect(inputs).toContain('dist/platform.browser.mjs');
    expect(inputs.filter((input) => /api-key-token|default-fetch|platform\.node/.test(input))).toEqual([]);
  });

  it('leaves out the protocol front, the local server, the relay and the Node adapters', async () => {
    const inputs = await bundledInputs(app);
    expect(inputs).toContain('lib/codecs/strict-object.ts');
    expect(inputs.filter((input) => /lib\/(front|server|relay|node|cli)\//.test(input))).toEqual([]);
  });

  // innerFrom (behind defer, from, switchMap, mergeMap…) brings its promise/iterable/async-iterable/
  // ReadableStream adapters and their tslib helpers: about 1.8 KB gzip of every app (size-limit).
  const innerFrom = (inputs: string[]) => inputs.filter((input) => /rxjs\/.*\/innerFrom\.js$/.test(input));
  it("leaves out rxjs's innerFrom (no defer, switchMap or from on the streaming path)", async () => {
    const inputs = await bundledInputs(app, ['io-ts', 'fp-ts', 'socket.io-client']);
    expect(inputs.filter((input) => input.includes('rxjs/'))).not.toEqual([]);
    expect(innerFrom(inputs)).toEqual([]);
  });

  it('takes innerFrom in when the app uses defer itself (the check can fail)', async () => {
    const inputs = await bundledInputs(`${app}\nimport { defer } from 'rxjs'; defer(() => []).subscribe();`, [
      'io-ts',
      'fp-ts',
      'socket.io-client',
    ]);
    expect(innerFrom(inputs)).toHaveLength(1);
  });

  it('takes the front in when the app imports it (the check can fail)', async () => {
    const inputs = await bundledInputs(
      `import { parseSubscription } from './lib/front/subscription-request'; console.log(parseSubscription);`,
    );
    expect(inputs.filter((input) => /lib\/(front|server|relay|node|cli)\//.test(input))).toEqual([
      'lib/front/subscription-request.ts',
    ]);
  });

  it('takes them in when the app imports marketprophit-rx/history itself (the check can fail)', async () => {
    const inputs = await bundledInputs(
      `import { fetchHistory$ } from './lib/history/index'; console.log(fetchHistory$);`,
    );
    expect(inputs).toContain('lib/history/fetch-history.ts');
    expect(inputs).toContain('lib/endpoints/historical-specs.ts');
  });
});
