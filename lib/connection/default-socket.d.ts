// package.json `imports` `#default-socket`: default-sockets.node.ts under the `node` condition,
// default-sockets.browser.ts under every other; both export this. (An ambient module, as TypeScript
// would otherwise look for the built files' declarations; Jest maps it to the Node sources.)
declare module '#default-socket' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- an ambient module cannot import a relative path
  export const defaultSockets: typeof import('./default-sockets.node').defaultSockets;
}
