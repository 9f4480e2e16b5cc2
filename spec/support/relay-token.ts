/** A relay token from `POST {url}/jwt` (the relay gives them to loopback callers by default). */
export const relayToken = async (url: string): Promise<string> => {
  const response = await fetch(`${url}/jwt`, { method: 'POST' });
  return ((await response.json()) as { token: string }).token;
};
