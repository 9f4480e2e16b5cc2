// The e2e suites: `tsx spec/e2e/run.ts [entry] [browser] [angular]` (all when none is named).
// Needs `npm run build` (dist/) and Chromium; the angular suite needs examples/angular built.
import { angularSuite } from './angular.e2e';
import { browserEntrySuite } from './browser-entry.e2e';
import { browserSuite } from './browser.e2e';
import { runSuites, type Suite, type Tally } from './support/harness';

const DEADLINE = 4 * 60_000;

const all = new Map<string, Suite>([
  ['entry', browserEntrySuite],
  ['browser', browserSuite],
  ['angular', angularSuite],
]);

const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !all.has(name));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; choose from ${[...all.keys()].join(', ')}`);
  process.exit(2);
}
const suites = new Map([...all].filter(([name]) => chosen.length === 0 || chosen.includes(name)));
const tally: Tally = { passed: 0, failed: 0 };
const started = Date.now();
const summary = () =>
  `e2e: ${tally.passed} passed, ${tally.failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`;

const deadline = setTimeout(() => {
  console.log(`\n${summary()}; stopped at the ${DEADLINE / 1000} s deadline`);
  process.exit(1);
}, DEADLINE);

runSuites(suites, tally).then(
  () => {
    clearTimeout(deadline);
    console.log(`\n${summary()}`);
    process.exit(tally.failed === 0 && tally.passed > 0 ? 0 : 1);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
