/** Reads the Market Prophit url an example server gives its page at `GET /config.json`. */
export const readPageConfig = async (pageUrl: string): Promise<{ readonly url: string }> => {
  const response = await fetch(new URL('/config.json', pageUrl));
  if (!response.ok) throw new Error(`GET /config.json answered ${response.status}`);
  return (await response.json()) as { url: string };
};
