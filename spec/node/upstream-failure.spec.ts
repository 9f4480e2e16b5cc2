import { TokenError } from '../../lib/errors/token-error';
import { describeUpstreamFailure } from '../../lib/node/upstream-failure';

describe('describeUpstreamFailure', () => {
  it.each([
    [TokenError.fromStatus(401, 'Invalid API key provided'), /upstream HTTP 401.*check the apiKey/],
    [TokenError.fromStatus(403, 'restricted'), /upstream HTTP 403.*check the key's access/],
    [TokenError.fromStatus(500, 'boom'), /^Market Prophit's token endpoint failed \(upstream HTTP 500\)$/],
    [new TokenError('bad_response', 'not { token }', 200), /answered without a token/],
    [new TokenError('network', 'ECONNREFUSED'), /Could not reach/],
    [new TokenError('source', 'custom'), /^Could not get a token from Market Prophit$/],
    [new Error('anything'), /^Could not get a token from Market Prophit$/],
  ])('%s → %s, never the upstream text', (error, expected) => {
    const message = describeUpstreamFailure(error);
    expect(message).toMatch(expected);
    expect(message).not.toMatch(/Invalid API key provided|restricted|boom|ECONNREFUSED|anything/);
  });
});
