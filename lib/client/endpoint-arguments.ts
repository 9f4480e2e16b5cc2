import type { CustomEndpoint } from '../endpoints/custom-endpoint';
import type { HistoricalParamsOf, HistoricalRecordOf } from '../endpoints/historical-endpoints';
import type { HistoricalPath } from '../endpoints/historical-specs';
import type { ParamsOf, ResultsOf } from '../endpoints/real-time-endpoints';
import type { RealTimePath } from '../endpoints/real-time-specs';
import type { DataEvent } from '../subscription/data-event';
import type { SubscribeOptions } from './subscribe-options';

/**
 * The argument types of `subscribe$` and `history$`, one generic signature each (no overloads), so a
 * wrong call is reported against the params it got, not as "Overload 2 of 2 … CustomEndpoint".
 */

/** What `subscribe$` streams: a real-time path of the catalogue, or a `customEndpoint(…)`. */
export type RealTimeEndpoint = RealTimePath | CustomEndpoint<unknown, unknown>;

/** What `history$` fetches: a historical path of the catalogue, or a `customEndpoint(…)`. */
export type HistoricalEndpoint = HistoricalPath | CustomEndpoint<unknown, unknown>;

/**
 * The params type of a path that takes none (`NoParams`, in the catalogue's codecs): any key is an
 * error that says so, e.g.
 * `Type '"AAPL"' is not assignable to type '"/real-time/user-sentiment takes no params"'`.
 */
export type TakesNoParams<P extends string> = { readonly [key: string]: `${P} takes no params` };

/**
 * `subscribe$`'s arguments after the endpoint: its params (optional for catalogue paths, as the custom
 * endpoint's codec says otherwise), then {@link SubscribeOptions}.
 */
export type SubscribeParams<E extends RealTimeEndpoint> =
  E extends CustomEndpoint<unknown, infer Params>
    ? [params: Params, options?: SubscribeOptions]
    : E extends RealTimePath
      ? string extends keyof ParamsOf<E>
        ? [params?: TakesNoParams<E>, options?: SubscribeOptions]
        : [params?: ParamsOf<E>, options?: SubscribeOptions]
      : never;

/** What `subscribe$` emits: `path` is the literal path, so `merge`d streams narrow on `event.path`. */
export type SubscribeEvent<E extends RealTimeEndpoint> =
  E extends CustomEndpoint<infer Results, infer Params>
    ? DataEvent<Params, Results>
    : E extends RealTimePath
      ? DataEvent<ParamsOf<E>, ResultsOf<E>, E>
      : never;

/** `history$`'s params: required (`{}` for a path that takes none). */
export type HistoryParams<E extends HistoricalEndpoint> =
  E extends CustomEndpoint<unknown, infer Params>
    ? [params: Params]
    : E extends HistoricalPath
      ? string extends keyof HistoricalParamsOf<E>
        ? [params: TakesNoParams<E>]
        : [params: HistoricalParamsOf<E>]
      : never;

/** What `history$` emits: the decoded records. */
export type HistoryResults<E extends HistoricalEndpoint> =
  E extends CustomEndpoint<infer Results, unknown>
    ? Results
    : E extends HistoricalPath
      ? HistoricalRecordOf<E>[]
      : never;
