/**
 * `T` with its properties spelled out: editors show `{ ts: Date; ticker: string; volume: number }`
 * on hover instead of the alias that built it (the `& {}` keeps TypeScript from naming the alias).
 */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};
