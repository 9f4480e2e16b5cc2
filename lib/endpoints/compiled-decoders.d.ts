// package.json `imports` `#compiled-decoders`: compiled-decoders.node.ts under the `node` condition,
// compiled-decoders.browser.ts under every other; both export this. (An ambient module, as TypeScript
// would otherwise look for the built files' declarations; Jest maps it to the Node sources.)
declare module '#compiled-decoders' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- an ambient module cannot import a relative path
  export const compiledDecoder: typeof import('./compiled-decoders.node').compiledDecoder;
}
