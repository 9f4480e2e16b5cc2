import type { RealTimePath } from '../endpoints/real-time-specs';

/** How `stream` prints: a live table on a terminal, NDJSON otherwise. */
export type StreamFormat = 'table' | 'ndjson';

export interface StreamCommand {
  readonly kind: 'stream';
  readonly path: RealTimePath;
  readonly ticker: string | undefined;
  readonly url: string | undefined;
  /** `undefined`: chosen by whether stdout is a terminal. */
  readonly format: StreamFormat | undefined;
  /** Stop after this many events; `undefined`: run until stopped. */
  readonly count: number | undefined;
}

export interface ServeCommand {
  readonly kind: 'serve';
  readonly port: number;
  readonly host: string;
  readonly interval: number | undefined;
  readonly seed: number | undefined;
}

export interface RelayCommand {
  readonly kind: 'relay';
  readonly port: number;
  readonly host: string;
  /** Upstream; `undefined`: an embedded local server. */
  readonly url: string | undefined;
  /** Redis URL of the cluster to join; `undefined`: a single node. */
  readonly redis: string | undefined;
  /** Give a relay token to anyone who asks (behind your own sign-in); otherwise loopback only. */
  readonly public: boolean;
}

/** A command line, understood. */
export type Command =
  { readonly kind: 'help' } | { readonly kind: 'version' } | StreamCommand | ServeCommand | RelayCommand;
