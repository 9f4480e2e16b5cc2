import { join } from 'node:path';

/** The repository's root. */
export const ROOT = join(__dirname, '..', '..', '..');

/** tsx's command line, to run the TypeScript examples as they stand. */
export const TSX_CLI = require.resolve('tsx/cli');
