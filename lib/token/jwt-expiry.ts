import { isObject } from '../util/is-object';

/**
 * The `exp` claim of a JWT in ms since the epoch, or undefined when there is none or the token is opaque.
 * Upstream tokens have carried a 1-hour `exp`, and later no `exp` at all, so this is only ever a hint.
 */
export const readJwtExpiry = (token: string): number | undefined => {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const json: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    const exp = isObject(json) ? json['exp'] : undefined;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
};
