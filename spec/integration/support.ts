export const CROWD = '/real-time/crowd-sentiment';
export const VOLUME = '/real-time/tweet-volume';
export const BUZZ = '/real-time/tweet-buzz';
export const AAPL = { ticker: 'AAPL' } as const;
export const TSLA = { ticker: 'TSLA' } as const;
