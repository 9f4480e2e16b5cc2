/**
 * Type tests of what the entry points leave out, compiled by `tsc -p spec/tsconfig.json --noEmit`
 * (never run). The whole surface is `api/<entry>.api.md`, checked by `npm run api:check`; these pin the
 * internals that used to be exported, so that exporting one again is a decision.
 */
import type * as history from '../../lib/history';
import type * as main from '../../lib';
import type * as server from '../../lib/server';

// What users are given stays: the policy and its backoff, the guards, the params type of a bare path.
export type Kept = [
  typeof main.defaultPolicy,
  typeof main.exponentialBackoff,
  typeof main.isMarketProphitError,
  main.TakesNoParams<'/real-time/user-sentiment'>,
  main.LifecyclePolicy,
];

// @ts-expect-error the lifecycle's transition function is internal
export type Transition = typeof main.transition;
// @ts-expect-error so is its initial state
export type InitialLifecycle = typeof main.initialLifecycle;
// @ts-expect-error resolvePolicy (an error-message owner as its first argument) is internal
export type ResolvePolicy = typeof main.resolvePolicy;
// @ts-expect-error the API-key token source: createClient({ apiKey }) makes it
export type ApiKeyToken = typeof main.apiKeyToken;
// @ts-expect-error one name, one meaning: the catalogue's NoParams codec is internal, the type is TakesNoParams
export type NoParams = main.NoParams<'/real-time/user-sentiment'>;
// @ts-expect-error the local server signs its tokens itself
export type SignJwt = typeof server.signJwt;
// @ts-expect-error and generates its records itself
export type CreateRecordGenerator = typeof server.createRecordGenerator;
// @ts-expect-error fetchHistory$ builds its query itself
export type BuildQuery = typeof history.buildQuery;
