'use strict';
// The results as a markdown table (scenario | ours | raw/baseline | ratio or figure | target | met?).
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const pct = (n) => `±${n.toFixed(0)}%`;
const met = (ok) => (ok ? 'yes' : '**no**');

const rows = (r) => {
  const out = [];
  if (r.throughput) {
    const { ours, raw, byHand, floor, ratio, ratioToByHand, n, reps } = r.throughput;
    out.push([
      `1. throughput, ${fmt(n)} \`data\` events × ${reps} (median)`,
      `${fmt(ours.median)} ev/s (${pct(ours.spread)})`,
      `${fmt(raw.median)} ev/s raw socket.io-client, no checks (${pct(raw.spread)})${
        floor === undefined
          ? ''
          : `; the event built with no check at all ${fmt(floor.median)} ev/s (${(floor.median / raw.median).toFixed(2)} of raw)`
      }`,
      `${ratio.toFixed(2)} of raw`,
      '≥ 0.8',
      met(ratio >= 0.8),
    ]);
    out.push([
      '1b. the same, against hand-written decoding (`bench/hand-decode.cjs`)',
      `${fmt(ours.median)} ev/s`,
      `${fmt(byHand.median)} ev/s raw socket.io-client + hand-written checks (${pct(byHand.spread)})`,
      `${ratioToByHand.toFixed(2)} of hand-written`,
      '≥ 1.0',
      met(ratioToByHand >= 1),
    ]);
  }
  if (r.throughput1) {
    const { ours, raw, byHand, floor, n, reps } = r.throughput1;
    const ratio = ours.cpu.median / raw.cpu.median;
    // Older results (before the floor ran over sockets) have no `floor`.
    const floorCell =
      floor === undefined
        ? ''
        : `; no checks at all (\`bench/no-checks-floor.cjs\`) ${fmt(floor.cpu.median)} (${(1e6 / floor.cpu.median).toFixed(2)} µs/event, ${pct(floor.cpu.spread)})`;
    const floorRatio =
      floor === undefined
        ? ''
        : `; the no-checks floor ${(floor.cpu.median / raw.cpu.median).toFixed(2)} of raw`;
    out.push([
      `1a. throughput, 1-record events: client CPU per event, ${fmt(n)} events × ${reps} (median)`,
      `${fmt(ours.cpu.median)} events per CPU-second (${(1e6 / ours.cpu.median).toFixed(2)} µs/event, ${pct(ours.cpu.spread)})`,
      `${fmt(raw.cpu.median)} raw (${(1e6 / raw.cpu.median).toFixed(2)} µs/event, ${pct(raw.cpu.spread)}); hand-written ${fmt(byHand.cpu.median)} (${(1e6 / byHand.cpu.median).toFixed(2)} µs/event)${floorCell}`,
      `${ratio.toFixed(2)} of raw; ${(ours.cpu.median / byHand.cpu.median).toFixed(2)} of hand-written${floorRatio}`,
      '≥ 0.92 of raw',
      met(ratio >= 0.92),
    ]);
  }
  if (r.inprocess) {
    const { n, rounds } = r.inprocess;
    for (const records of [1, 5]) {
      // Older results (before the browser build ran here) have no `browser`.
      const { cpu, bytes, browser } = r.inprocess[records];
      const per = (name) => `${cpu[name].toFixed(2)} µs, ${fmt(bytes[name])} B`;
      out.push([
        `1${records === 1 ? 'c' : 'd'}. per event in one process, no sockets (\`bench/in-process.cjs\`: JSON.parse + the \`data\` handler), ${records}-record events, ${fmt(n)} × ${rounds} rounds (median): CPU and heap allocated`,
        `${per('ours')}${browser === undefined ? '' : `; the browser build (generic decoders, a process of its own) ${browser.cpu.browser.toFixed(2)} µs, ${fmt(browser.bytes.browser)} B`}`,
        `raw (JSON.parse, empty handler) ${per('raw')}; hand-written ${per('byHand')}; no checks at all (\`bench/no-checks-floor.cjs\`) ${per('floor')}`,
        `${(cpu.ours - cpu.raw).toFixed(2)} µs, ${fmt(bytes.ours - bytes.raw)} B beyond raw (no checks: ${(cpu.floor - cpu.raw).toFixed(2)} µs, ${fmt(bytes.floor - bytes.raw)} B); ${(cpu.byHand / cpu.ours).toFixed(2)} of hand-written's speed${browser === undefined ? '' : ` (the browser build ${(browser.cpu.byHand / browser.cpu.browser).toFixed(2)})`}`,
        '(figure)',
        '',
      ]);
    }
  }
  if (r.routing) {
    const { one, many, ratio, keys, n, reps } = r.routing;
    out.push([
      `2. routing, ${fmt(keys)} subscriptions on one socket, ${fmt(n)} events × ${reps}`,
      `${fmt(many.median)} ev/s over ${fmt(keys)} keys (${pct(many.spread)})`,
      `${fmt(one.median)} ev/s over 1 key (${pct(one.spread)})`,
      `${ratio.toFixed(2)} of 1 key`,
      '≥ 0.8',
      met(ratio >= 0.8),
    ]);
  }
  if (r.fanout) {
    const f = r.fanout;
    const ok =
      f.decodesPerEvent === 1 && f.serverSubscriptions === 1 && f.deliveries === f.expectedDeliveries;
    out.push([
      `3. fan-out, ${fmt(f.subscribers)} subscribers of one (path, params), ${fmt(f.n)} events`,
      `${f.decodesPerEvent} decode/event; ${f.serverSubscriptions} server subscription (${f.subscribeMessages} \`subscribe\` sent)`,
      `naive: ${fmt(f.subscribers)} decodes/event, ${fmt(f.subscribers)} subscriptions`,
      `${fmt(f.deliveries)}/${fmt(f.expectedDeliveries)} delivered; ${fmt(f.eventsPerSecond)} ev/s (${fmt(f.eventsPerSecond * f.subscribers)} deliveries/s)`,
      '1 decode/event, 1 subscription',
      met(ok),
    ]);
  }
  if (r.churn) {
    const c = r.churn;
    const ok = c.heapGrowthMB < 2 && c.listenersBefore === c.listenersAfter && c.after.pendingAcks === 0;
    out.push([
      `4. churn, ${fmt(c.cycles)} subscribe/unsubscribe cycles on one socket (${c.seconds.toFixed(1)} s)`,
      `heap ${c.heapGrowthMB >= 0 ? '+' : ''}${c.heapGrowthMB.toFixed(2)} MB after GC; ${c.listenersAfter} socket+manager listeners, ${c.after.pendingAcks} pending acks`,
      `before: ${c.listenersBefore} listeners, ${c.before.pendingAcks} pending acks`,
      `${c.heapGrowthMB.toFixed(2)} MB; listeners ${c.listenersBefore} → ${c.listenersAfter}`,
      '< 2 MB, listeners constant',
      met(ok),
    ]);
  }
  if (r.hostile) {
    for (const [index, h] of Object.values(r.hostile).entries()) {
      out.push([
        `6${'abcdefgh'[index]}. hostile input: ${h.label} (${(h.bytes / 1e6).toFixed(2)} MB), event-loop block, median of ${h.reps}`,
        `${h.ours.toFixed(1)} ms (longest ${h.oursMax.toFixed(1)} ms); ${h.outcome === 'error' ? 'DecodeError on its subscription' : 'DecodeError on unroutable$'}`,
        `${h.raw.toFixed(1)} ms raw socket.io-client (its JSON.parse, empty handler)`,
        `${h.ours.toFixed(1)} ms (${Math.max(0, h.ours - h.raw).toFixed(1)} ms more than raw)`,
        '< 50 ms',
        met(h.ours < 50),
      ]);
    }
  }
  if (r.relay) {
    const { single: s, failover: f } = r.relay;
    out.push([
      `7. relay, one node: ${fmt(s.sockets)} downstream sockets over ${s.topics} topics, upstream a local server (every 100 ms per topic)`,
      `${s.upstreamSubscriptions} upstream subscriptions; ${fmt(s.eventsPerSecond)} events/s delivered; ${(s.heapPerSocket / 1024).toFixed(1)} KB heap (${(s.rssPerSocket / 1024).toFixed(1)} KB RSS) per socket`,
      `${fmt(s.expectedPerSecond)} events/s published upstream for them (nominal ${fmt(s.nominalPerSecond)}); CPU: relay ${(s.relayCpu * 100).toFixed(0)}% of a core, the ${fmt(s.sockets)} clients ${(s.clientsCpu * 100).toFixed(0)}%`,
      `${((s.eventsPerSecond / s.expectedPerSecond) * 100).toFixed(0)}% delivered`,
      `${s.topics} upstream subscriptions, ≥ 95% delivered`,
      met(s.upstreamSubscriptions === s.topics && s.eventsPerSecond >= 0.95 * s.expectedPerSecond),
    ]);
    out.push(
      f.skipped
        ? ['7b. relay cluster failover', `skipped: ${f.skipped}`, '', '', '', '']
        : [
            `7b. relay cluster failover (2 nodes + redis-server), SIGKILL of a topic's owner × ${f.kills}, lease TTL ${f.leaseTtl} ms`,
            `median ${fmt(f.median)} ms, max ${fmt(f.max)} ms until data again on the other node`,
            'bound: lease TTL + a quarter TTL + one subscribe round trip',
            `${fmt(f.max)} ms max`,
            `≤ ${fmt(f.leaseTtl * 1.25 + 1000)} ms`,
            met(f.max <= f.leaseTtl * 1.25 + 1000),
          ],
    );
  }
  if (r['relay-join']) out.push(...require('./relay-join.cjs').rows(r['relay-join']));
  if (r['relay-slow']) {
    const s = r['relay-slow'];
    const share = s.eventsPerSecond / s.expectedPerSecond;
    out.push([
      `7c. relay, one node: ${s.stalled} sockets that stop reading (3 topics of 200 tickers) beside ${fmt(s.readers)} readers, ${s.seconds.toFixed(0)} s`,
      `RSS ${s.rssStartMb.toFixed(0)} → ${s.rssEndMb.toFixed(0)} MB, slope ${s.rssSlopeMbPerSecond.toFixed(2)} MB/s over the second half; event-loop delay p99 ${s.loopP99Ms.toFixed(0)} ms (max ${s.loopMaxMs.toFixed(0)}); ${s.slowConsumers} slow consumers held`,
      `readers: ${fmt(s.eventsPerSecond)} events/s of ${fmt(s.expectedPerSecond)} published for them`,
      `${s.rssSlopeMbPerSecond.toFixed(2)} MB/s, ${(share * 100).toFixed(0)}% delivered`,
      '≤ 0.5 MB/s, ≥ 95% delivered',
      met(s.rssSlopeMbPerSecond <= 0.5 && share >= 0.95),
    ]);
  }
  if (r.bundle) {
    const b = r.bundle;
    const app = b.createClientOnly;
    out.push([
      '5. core bundle: an app importing `createClient`, esbuild minified + code splitting, deps external, gzip -9',
      `${kb(app.gzipBytes)} gzip up front (${kb(app.minifiedBytes)} minified)`,
      `all of \`marketprophit-rx\`: ${kb(b.gzipBytes)} up front; lazy chunks: ${kb(app.lazy.gzipBytes)} (\`history$\` loads \`marketprophit-rx/history\` at run time)`,
      kb(app.gzipBytes),
      '≤ 6 KB',
      met(app.gzipBytes <= 6 * 1024),
    ]);
    const { oneFile, split, es2015, parts } = b.minimalApp;
    const hand = b.handWrittenApp;
    const split4 = Object.entries(parts)
      .map(([name, bytes]) => `${name} ${kb(bytes)}`)
      .join(', ');
    out.push([
      '5b. minimal browser app (`bench/minimal-browser-app.mjs`: proxy token, one subscription, `state$`), every dependency bundled, esbuild minified, gzip -9',
      `${kb(oneFile.gzipBytes)} gzip as one file (${kb(oneFile.minifiedBytes)} minified; with code splitting ${kb(split.gzipBytes)} up front); of that: ${split4} (this library with the rxjs and io-ts it brings: ${kb(parts['marketprophit-rx'] + parts.rxjs + parts['io-ts'])})`,
      `the same app by hand on rxjs + socket.io-client (\`bench/hand-written-browser-app.mjs\`, no decoding, backoff or timeouts): ${kb(hand.oneFile.gzipBytes)}`,
      kb(oneFile.gzipBytes),
      '≤ 33 KB (the decided budget; goal 26 KB); CI: `npm run size`',
      met(oneFile.gzipBytes <= 33 * 1024),
    ]);
    out.push([
      "5c. the same two apps resolved with the `es2015` condition, as Angular CLI does (rxjs's ES2015 build instead of its ES5 one)",
      `${kb(es2015.gzipBytes)} gzip as one file`,
      `by hand: ${kb(hand.es2015.gzipBytes)}`,
      kb(es2015.gzipBytes),
      '≤ 32 KB; CI: `npm run size`',
      met(es2015.gzipBytes <= 32 * 1024),
    ]);
  }
  if (r.lateJoiner) out.push(require('./late-joiner.cjs').row(r.lateJoiner));
  return out;
};

const toMarkdown = (results, { machine, busyBefore, busyAfter, command, notes = [] }) => {
  const header = ['scenario', 'ours', 'raw/baseline', 'ratio or figure', 'target', 'met?'];
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows(results).map((row) => `| ${row.join(' | ')} |`),
  ];
  const quiet = Math.max(busyBefore, busyAfter) < 0.1;
  return [
    `Measured with \`${command}\` on ${machine.date.slice(0, 10)}: Node ${machine.node}, ${machine.cpu} (${machine.cores} cores), ${machine.platform}.`,
    `CPU busy (other processes) ${Math.round(busyBefore * 100)}% before / ${Math.round(busyAfter * 100)}% after the run: ${quiet ? 'a quiet machine' : '**not a quiet machine**, figures are noisier than usual'}.`,
    'Server: socket.io 4 in a separate process (`bench/server-process.cjs`), pre-encoded `data` events (5 crowd-sentiment records of decimal strings each) sent as fast as it can; client: socket.io-client 4 over WebSocket. ± is the spread (max − min) / median of the repetitions.',
    '',
    ...lines,
    ...(notes.length ? ['', ...notes.map((note) => `- ${note}`)] : []),
    '',
  ].join('\n');
};

module.exports = { toMarkdown };
