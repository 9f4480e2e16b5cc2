/**
 * The user of an HTTP Basic `Authorization` header (the API key; the password is ignored), or
 * undefined when the header is missing or not Basic.
 */
export const basicAuthUser = (header: string | undefined): string | undefined => {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
  if (match?.[1] === undefined) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  return user === '' ? undefined : user;
};
