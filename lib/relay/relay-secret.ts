/** The fewest bytes (UTF-8) a relay secret may have: HS256 with less can be brute-forced from one token. */
export const MIN_SECRET_BYTES = 32;

/** Throws unless `secret` has at least {@link MIN_SECRET_BYTES} bytes; the message says why and how. */
export const checkSecret = (owner: string, secret: string): void => {
  const bytes = Buffer.byteLength(secret, 'utf8');
  if (bytes >= MIN_SECRET_BYTES) return;
  throw new RangeError(
    `${owner}: the secret must have at least ${MIN_SECRET_BYTES} bytes, got ${bytes} ` +
      `(a short HS256 secret can be guessed from one token; make one with ` +
      `node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))")`,
  );
};
