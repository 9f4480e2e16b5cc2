/**
 * `import(name)` that bundlers do not follow: the name is a parameter, not a literal, so esbuild,
 * webpack, Vite and Rollup leave the call for run time (the magic comments keep webpack and Vite
 * quiet). A module loaded this way never lands in an app's bundle, split or not; where the runtime
 * cannot resolve the name (a browser without an import map) the promise rejects.
 * In the CommonJS build it is `require(name)`.
 */
export const importByName = <Module>(name: string): Promise<Module> =>
  import(/* webpackIgnore: true */ /* @vite-ignore */ name) as Promise<Module>;
