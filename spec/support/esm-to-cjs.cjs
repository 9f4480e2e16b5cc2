// Jest runs CommonJS; Angular ships ES modules only (.mjs). This transform turns them into
// CommonJS with esbuild, for the specs of marketprophit-rx/angular (spec/angular).
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, {
      loader: 'js',
      format: 'cjs',
      target: 'es2022',
      sourcemap: 'external',
      sourcefile: filename,
    });
    return { code, map };
  },
};
