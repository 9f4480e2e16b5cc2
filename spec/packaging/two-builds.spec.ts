// The dual-package case on the built package: the ESM and CommonJS builds, loaded side by side, each
// hold their own error classes, and each build's guards and retry decisions still know the other's
// errors (spec/errors/guards.spec.ts shows the same for two copies of the sources). Needs `npm run build`.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

describe('the ESM and CommonJS builds side by side', () => {
  it("tell each other's errors apart, and the client retries only what is transient", () => {
    if (!existsSync(join(root, 'dist', 'index.mjs')))
      throw new Error('dist/ is missing: npm run build first');
    const output = execFileSync(process.execPath, [join(__dirname, 'fixtures', 'two-builds.mjs')], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    const no = { isTokenError: false, isSubscribeError: false, isConnectionError: false };
    expect(JSON.parse(output)).toEqual({
      distinctClasses: true,
      cjsGuardsOnEsmTokenError: { ...no, isTokenError: true, isDecodeError: false, isHistoryError: false },
      esmGuardsOnCjsSubscribeError: {
        ...no,
        isSubscribeError: true,
        isDecodeError: false,
        isHistoryError: false,
      },
      ours: [true, true],
      // A refused key is final: one request, no retry.
      unauthorized: { requests: 1, code: 'unauthorized' },
      // A network failure is retried: the first try and `retryAttempts` more.
      network: { requests: 4, code: 'network' },
    });
  });
});
