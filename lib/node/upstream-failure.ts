import { isTokenError } from '../errors/token-error';

/**
 * The message a caller of the proxy sees for a failed upstream token request. Built from the status
 * and error code only, never from the error's own message (which quotes upstream's body).
 */
export const describeUpstreamFailure = (error: unknown): string => {
  if (!isTokenError(error)) return 'Could not get a token from Market Prophit';
  const { status, code } = error;
  if (status === 401) {
    return "Market Prophit refused this server's API key (upstream HTTP 401): check the apiKey the token route was created with";
  }
  if (status === 403) {
    return "Market Prophit refused a token for this server's API key (upstream HTTP 403): check the key's access";
  }
  if (code === 'bad_response') return "Market Prophit's token endpoint answered without a token";
  if (code === 'network') return "Could not reach Market Prophit's token endpoint";
  if (code === 'timeout') return "Market Prophit's token endpoint did not answer in time";
  if (status !== undefined) return `Market Prophit's token endpoint failed (upstream HTTP ${status})`;
  return 'Could not get a token from Market Prophit';
};
