import { errorGuard, MarketProphitError } from './marketprophit-error';

/**
 * - `rejected`: the server answered the `subscribe` with an error message.
 * - `ack_timeout`: no answer within `ackTimeout`.
 * - `invalid_params`: the call was refused before anything was sent.
 * - `decoder_conflict`: the same path and params are already subscribed with another decoder.
 */
export type SubscribeErrorCode = 'rejected' | 'ack_timeout' | 'invalid_params' | 'decoder_conflict';

/** A subscription could not be set up. Carries the path and params it was for. */
export class SubscribeError extends MarketProphitError<SubscribeErrorCode> {
  override readonly name = 'SubscribeError' as const;
  /**
   * What the server said when it refused the `subscribe` (code `rejected`), in its own words: the ack's
   * string, its `message`, or its JSON, without the "The server refused …" that `message` adds. Absent
   * for the other codes. Read this rather than parsing `message`.
   */
  readonly serverMessage: string | undefined;

  constructor(
    code: SubscribeErrorCode,
    message: string,
    readonly path: string,
    readonly params: unknown,
    options?: { cause?: unknown; serverMessage?: string },
  ) {
    super(code, message, options);
    this.serverMessage = options?.serverMessage;
  }
}

/** Whether `error` is a {@link SubscribeError}, from this copy of the package or another (matched by name). */
export const isSubscribeError = errorGuard<SubscribeError>('SubscribeError');
