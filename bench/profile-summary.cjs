'use strict';
// Profiling aid (not part of `npm run bench`): the top self-time functions of a `.cpuprofile`
// (`node --cpu-prof`), as a markdown table. `node bench/profile-summary.cjs FILE.cpuprofile [--top 15]`
const fs = require('node:fs');
const path = require('node:path');

const summarise = (profile, top = 15) => {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const deltas = profile.timeDeltas;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const node = byId.get(profile.samples[i]);
    const dt = deltas[i] ?? 0;
    total += dt;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${path.basename(url)}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    '| self % | self ms | function |',
    '|---:|---:|---|',
    ...rows.map(
      ([key, us]) => `| ${((us / total) * 100).toFixed(1)} | ${(us / 1000).toFixed(0)} | \`${key}\` |`,
    ),
  ].join('\n');
};

if (require.main === module) {
  const [file, ...rest] = process.argv.slice(2);
  const index = rest.indexOf('--top');
  const top = index === -1 ? 15 : Number(rest[index + 1]);
  console.log(summarise(JSON.parse(fs.readFileSync(file, 'utf8')), top));
}

module.exports = { summarise };
