/**
 * Type tests for marketprophit-rx/angular, compiled by `tsc -p spec/tsconfig.json --noEmit` (never run).
 * Each `@ts-expect-error` must stay an error, and each positive line must keep compiling.
 */
import type { EnvironmentProviders, Signal } from '@angular/core';
import * as t from 'io-ts';
import {
  injectConnectionStatus,
  injectLatest,
  injectMarketProphit,
  provideMarketProphit,
  type ClientStatus,
  type ConnectionProblem,
} from '../../lib/angular';
import type { MarketProphitClient } from '../../lib/client/create-client';
import { customEndpoint } from '../../lib/endpoints';

type Equals<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

export const typeTests = () => {
  const providers: EnvironmentProviders = provideMarketProphit({ tokenRoute: '/jwt', linger: 500 });
  provideMarketProphit(() => ({ url: 'http://127.0.0.1:4201' }));
  // @ts-expect-error the secret key never goes into a browser app's providers
  provideMarketProphit({ apiKey: 'sk_test_x' });
  // @ts-expect-error an unknown option
  provideMarketProphit({ tokenRoot: '/jwt' });

  const latest = injectLatest('/real-time/crowd-sentiment', { ticker: 'AAPL' });
  const _value = latest()?.results[0]?.crowd_sentiment;
  assertType<Equals<typeof _value, number | undefined>>();
  // the event's path is the literal path, as subscribe$ gives it
  const _path = latest()?.path;
  assertType<Equals<typeof _path, '/real-time/crowd-sentiment' | undefined>>();
  // @ts-expect-error another path's literal is not this event's
  const _otherPath: '/real-time/tweet-volume' | undefined = latest()?.path;
  // @ts-expect-error not a real-time path
  injectLatest('/real-time/no-such-path');
  // @ts-expect-error params are typed by the path
  injectLatest('/real-time/crowd-sentiment', { symbol: 'AAPL' });

  const custom = injectLatest(customEndpoint('/real-time/new-metric', t.array(t.number)), { ticker: 'AAPL' });
  const _customResults = custom()?.results;
  assertType<Equals<typeof _customResults, number[] | undefined>>();

  const status: Signal<ClientStatus> = injectConnectionStatus();
  const reason: string | undefined = status().problem?.message;
  const client: MarketProphitClient = injectMarketProphit();
  const kind: ConnectionProblem['kind'] | undefined = status().problem?.kind; // 'subscription' too
  return { providers, reason, client, _otherPath, kind };
};
