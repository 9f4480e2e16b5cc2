import { errorGuard, MarketProphitError } from '../errors/marketprophit-error';

/** The `code` of {@link StreamOverflowError}, in the style of Node's own `ERR_*` stream codes. */
export type StreamOverflowErrorCode = 'ERR_MARKETPROPHIT_OVERFLOW';

/**
 * A stream from {@link toReadable} (with `overflow: 'error'`) was destroyed because its consumer fell
 * more than `highWaterMark` values behind the source.
 */
export class StreamOverflowError extends MarketProphitError<StreamOverflowErrorCode> {
  override readonly name = 'StreamOverflowError' as const;

  constructor(readonly highWaterMark: number) {
    super(
      'ERR_MARKETPROPHIT_OVERFLOW',
      `The consumer fell more than ${highWaterMark} values behind the source (highWaterMark): ` +
        "read faster, raise highWaterMark, or use overflow: 'drop-oldest'",
    );
  }
}

/** Whether `error` is a {@link StreamOverflowError}, from this copy of the package or another (matched by name). */
export const isStreamOverflowError = errorGuard<StreamOverflowError>('StreamOverflowError');
