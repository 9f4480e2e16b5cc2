/** `value` if it is a TCP port to listen on (a whole number 0–65535; 0 picks a free one); else a `RangeError` naming it. */
export const tcpPort = (name: string, value: number): number => {
  if (!Number.isSafeInteger(value) || value < 0 || value > 65_535)
    throw new RangeError(`${name} must be a TCP port (0 for any free one), got ${value}`);
  return value;
};
