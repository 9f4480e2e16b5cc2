// package.json `imports` `#platform`: platform.node.ts under the `node` condition, platform.browser.ts
// under every other; both export this. (An ambient module, as for `#default-socket`; Jest maps it to
// the Node sources.)
declare module '#platform' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- an ambient module cannot import a relative path
  export const defaultFetch: typeof import('./platform.node').defaultFetch;
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- an ambient module cannot import a relative path
  export const apiKeySource: typeof import('./platform.node').apiKeySource;
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- an ambient module cannot import a relative path
  export const networkReason: typeof import('./platform.node').networkReason;
}
