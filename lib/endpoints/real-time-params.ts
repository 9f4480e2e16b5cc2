import type * as t from 'io-ts';
import { Ticker } from './ticker';

/** What the per-ticker streams take: `{ ticker?: string }` (absent: every ticker). */
export const tickerOptionalProps = { ticker: Ticker };

/**
 * The params each kind of real-time stream takes, by name, with each one's codec; every one is
 * optional. The one params rule of the real-time catalogue: the client's codecs
 * (`realTimeParamsCodecs`), the local server and relay (`subscribe`) and the CLI (`--ticker`) all read
 * it, each in its own words.
 */
export const realTimeParamsTable = {
  'ticker-optional': tickerOptionalProps,
  /** `{}`. */
  none: {},
} satisfies Record<string, Record<string, t.Mixed>>;

/** What one real-time params kind takes. */
export type RealTimeParamsKind = keyof typeof realTimeParamsTable;

/**
 * What is wrong with a real-time stream's params, in nobody's words: each reader words it through its
 * own message map (the server in upstream's words, the CLI in flags).
 * - `takes-none`: the stream takes no params and got `name`;
 * - `unknown`: `name` is not one of `takes`;
 * - `invalid`: `name`'s value does not pass its codec.
 */
export type RealTimeParamsProblem =
  | { readonly kind: 'takes-none'; readonly name: string }
  | { readonly kind: 'unknown'; readonly name: string; readonly takes: readonly string[] }
  | { readonly kind: 'invalid'; readonly name: string; readonly value: unknown };

/**
 * The first problem of `params` (flat, already known to be an object) for a stream of `kind`, or
 * undefined when they are fine. A param whose value is `undefined` counts as absent, as in the codecs.
 */
export const realTimeParamsProblem = (
  kind: RealTimeParamsKind,
  params: Readonly<Record<string, unknown>>,
): RealTimeParamsProblem | undefined => {
  const codecs: Readonly<Record<string, t.Mixed>> = realTimeParamsTable[kind];
  const takes = Object.keys(codecs);
  const names = Object.keys(params).filter((name) => params[name] !== undefined);
  const [first] = names;
  if (takes.length === 0 && first !== undefined) return { kind: 'takes-none', name: first };
  const unknown = names.find((name) => !Object.hasOwn(codecs, name));
  if (unknown !== undefined) return { kind: 'unknown', name: unknown, takes };
  const invalid = names.find((name) => codecs[name]?.is(params[name]) !== true);
  return invalid === undefined ? undefined : { kind: 'invalid', name: invalid, value: params[invalid] };
};
