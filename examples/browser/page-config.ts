/** What serve.ts tells the page at `GET /config.json`. Never a key: the page gets tokens from `/jwt`. */
export interface PageConfig {
  /** The Market Prophit url the socket connects to (the local server in this example). */
  readonly url: string;
}

export const CONFIG_PATH = '/config.json';
export const TOKEN_ROUTE = '/jwt';
