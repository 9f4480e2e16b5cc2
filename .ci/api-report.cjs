#!/usr/bin/env node
// The public API report: one file per entry point, api/<entry>.api.md, written by API Extractor from
// the built declarations (dist/<entry>.d.mts; the .d.cts are the same text). Committed, so that every
// change of an exported name or signature shows in review.
//
//   npm run api         build, then rewrite api/*.api.md (after a change of the surface you meant)
//   npm run api:check   build, then fail with a diff if api/*.api.md differ from the build
//   node .ci/api-report.cjs [--check]   the same on the current dist/ (what .ci/run calls after its build)
//
// A type the surface uses that the entry does not export (from another entry, or not at all) is in the
// report too, under a `Warning: (ae-forgotten-export)` line, so a change to it shows as well.
const { CompilerState, Extractor, ExtractorConfig } = require('@microsoft/api-extractor');
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const check = process.argv.includes('--check');
const reportFolder = join(root, 'api');
const scratch = mkdtempSync(join(tmpdir(), 'marketprophit-rx-api-'));
// The entry list lives once, in rollup.config.js.
const [js] = require(join(root, 'rollup.config.js'));
const entries = Object.keys(js.input);

const configFor = (entry) =>
  ExtractorConfig.prepare({
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: join(root, 'dist', `${entry}.d.mts`),
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'es2022',
            module: 'nodenext',
            moduleResolution: 'nodenext',
            lib: ['es2022', 'dom'],
            types: ['node'],
            strict: true,
            skipLibCheck: true,
          },
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: `${entry}.api.md`,
        // API Extractor writes into a scratch folder; this script compares and copies (see normalise).
        reportFolder: join(scratch, 'out'),
        reportTempFolder: join(scratch, 'temp'),
        includeForgottenExports: true,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: 'error' } },
        extractorMessageReporting: {
          default: { logLevel: 'none' },
          'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
        },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
    },
    configObjectFullPath: join(root, 'api', 'api-extractor.json'),
    packageJsonFullPath: join(root, 'package.json'),
  });

for (const entry of entries) {
  if (!existsSync(join(root, 'dist', `${entry}.d.mts`))) {
    console.error(`dist/${entry}.d.mts is missing: npm run build first`);
    process.exit(1);
  }
}
mkdirSync(reportFolder, { recursive: true });
mkdirSync(join(scratch, 'out'), { recursive: true });

const configs = entries.map(configFor);
// One TypeScript program for every entry: the entries share most of their declaration chunks.
const compilerState = CompilerState.create(configs[0], {
  additionalEntryPoints: configs.map((config) => config.mainEntryPointFilePath),
});

/**
 * The report without what changes with no change of the API: the content hash in a declaration chunk's
 * name and the line and column in it (warnings that no declaration of the report holds name them).
 */
const normalise = (text) => text.replace(/(dist\/chunks\/[\w.-]+?)-[\w-]{8}\.d\.mts:\d+:\d+/g, '$1.d.mts');

let failed = false;
for (const [index, entry] of entries.entries()) {
  const problems = [];
  Extractor.invoke(configs[index], {
    localBuild: true,
    compilerState,
    messageCallback: (message) => {
      if (
        message.logLevel === 'error' ||
        (message.logLevel === 'warning' && message.category !== 'console')
      ) {
        problems.push(
          `  ${message.messageId}: ${message.text} (${message.sourceFilePath ?? '?'}:${message.sourceFileLine ?? '?'})`,
        );
      }
      message.handled = true;
    },
  });
  const file = `api/${entry}.api.md`;
  if (problems.length > 0) {
    failed = true;
    console.error(`${file}: ${problems.length} problem(s)\n${problems.join('\n')}`);
  }
  const built = join(scratch, 'out', `${entry}.api.md`);
  const report = normalise(readFileSync(built, 'utf8'));
  const committed = existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : undefined;
  if (report === committed) continue;
  if (check) {
    failed = true;
    console.error(`${file} differs from the build (npm run api updates it, if the change is meant):`);
    writeFileSync(built, report);
    spawnSync('git', ['diff', '--no-index', '--no-color', file, built], { cwd: root, stdio: 'inherit' });
  } else {
    writeFileSync(join(root, file), report);
    console.log(`${file}: updated`);
  }
}
rmSync(scratch, { recursive: true, force: true });
if (failed) process.exit(1);
console.log(`${check ? 'checked' : 'wrote'} ${entries.map((entry) => `api/${entry}.api.md`).join(', ')}`);
