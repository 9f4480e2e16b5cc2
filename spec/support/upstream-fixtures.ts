import * as path from 'node:path';

/**
 * Recorded upstream responses and the endpoint table extracted from the public upstream docs,
 * kept inside the repo (`spec/fixtures/upstream/`): the proof that the codecs match upstream.
 */
export const upstreamFixturesDir = path.resolve(__dirname, '../fixtures/upstream');
export const upstreamSamplesDir = path.join(upstreamFixturesDir, 'samples');
