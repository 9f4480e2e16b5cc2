'use strict';
// Puts a full run's table into bench/README.md between the bench markers, formatted as `npm run lint` wants.
// (docs/performance.md keeps a short table of its own and names this file.)
const fs = require('node:fs');
const path = require('node:path');
const prettier = require('prettier');

const README = path.join(__dirname, 'README.md');
const START = '<!-- bench:start (written by npm run bench) -->';
const END = '<!-- bench:end -->';

const writeFiguresToReadme = async (markdown) => {
  const text = fs.readFileSync(README, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from === -1 || to < from) throw new Error(`bench/README.md has no ${START} … ${END} section`);
  const updated = `${text.slice(0, from + START.length)}\n\n${markdown.trim()}\n\n${text.slice(to)}`;
  const options = (await prettier.resolveConfig(README)) ?? {};
  fs.writeFileSync(README, await prettier.format(updated, { ...options, filepath: README }));
};

module.exports = { writeFiguresToReadme };
