/** The hosted Market Prophit API. */
export const DEFAULT_URL = 'https://open.marketprophit.com';
