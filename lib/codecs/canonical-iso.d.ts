// package.json `imports` `#canonical-iso`: canonical-iso.node.ts under the `node` condition,
// canonical-iso.browser.ts under every other; both export this. (An ambient module, as TypeScript
// would otherwise look for the built files' declarations; Jest maps it to the Node sources.)
declare module '#canonical-iso' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- an ambient module cannot import a relative path
  export const canonicalIsoMs: typeof import('./canonical-iso.node').canonicalIsoMs;
}
