'use strict';
// 7d–7f. The relay's image on join and its hot standby (2 nodes + redis-server, upstream a local server):
// how long a late joiner waits for its first event on the node that serves the topic and on the other
// one (upstream every 2 s), and what a SIGKILL of a topic's owner costs a client on the other node at a
// 200 ms upstream interval (largest gap, duplicates), with `standby: 1` and with leases alone.
const { spawnSync } = require('node:child_process');
const { forkRelay, openSocket, startRedis, token } = require('./relay.cjs');

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const SECRET = 'bench-secret-bench-secret-bench-secret';
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Waits until `check()` holds (polling every 5 ms); throws naming `what` after `ms`. */
const until = async (what, check, ms) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`relay-join: no ${what} within ${ms} ms`);
    await delay(5);
  }
};

/** A cluster of `count` nodes on its own redis-server and upstream; `close()` stops everything. */
const startCluster = async (count, { interval, standby }) => {
  const redis = await startRedis();
  const upstream = await forkRelay({ RELAY_ROLE: 'upstream', RELAY_INTERVAL: String(interval) });
  const env = {
    RELAY_UPSTREAM: upstream.url,
    RELAY_SECRET: SECRET,
    RELAY_REDIS: redis.url,
    ...(standby ? { RELAY_STANDBY: '1' } : {}),
  };
  const nodes = [];
  for (let index = 0; index < count; index += 1) nodes.push(await forkRelay(env));
  return {
    upstream,
    nodes,
    fork: () => forkRelay(env),
    close: async () => {
      await Promise.all(nodes.map((node) => node.stop()));
      await upstream.stop();
      await redis.stop();
    },
  };
};

/** A socket on `node` subscribed to `ticker` that records each event's timestamp and arrival. */
const watch = async (node, ticker) => {
  const seen = { timestamps: [], arrivals: [], subscribedAt: Date.now() };
  seen.socket = await openSocket(node.url, await token(node.url), ticker, (event) => {
    seen.timestamps.push(event.timestamp);
    seen.arrivals.push(Date.now());
  });
  return seen;
};

/**
 * Late joiners, `joins` on each node, each on a topic a first client on node 0 has watched for a while:
 * from its `subscribe` to its first event, in ms, and whether that was the latest event (the image).
 */
const lateJoiners = async ({ joins, log }) => {
  const cluster = await startCluster(2, { interval: 2000, standby: false });
  const sockets = [];
  const latency = { same: [], other: [] };
  let latest = 0;
  try {
    for (let round = 0; round < joins; round += 1) {
      const ticker = `J${round}`;
      const first = await watch(cluster.nodes[0], ticker);
      sockets.push(first.socket);
      await until('first event', () => first.timestamps.length > 0, 8_000);
      await delay(300);
      for (const [where, node] of [
        ['same', cluster.nodes[0]],
        ['other', cluster.nodes[1]],
      ]) {
        const joiner = await watch(node, ticker);
        sockets.push(joiner.socket);
        await until('event for a late joiner', () => joiner.timestamps.length > 0, 5_000);
        latency[where].push(joiner.arrivals[0] - joiner.subscribedAt);
        if (joiner.timestamps[0] === first.timestamps.at(-1)) latest += 1;
      }
      log(
        `relay late joiner ${round + 1}/${joins}: ${latency.same.at(-1)} ms same node, ${latency.other.at(-1)} ms other node`,
      );
    }
  } finally {
    for (const socket of sockets) socket.disconnect();
    await cluster.close();
  }
  return {
    joins,
    interval: 2000,
    same: { median: median(latency.same), max: Math.max(...latency.same) },
    other: { median: median(latency.other), max: Math.max(...latency.other) },
    latest,
  };
};

/**
 * SIGKILLs of a topic's owner × `kills`, a client on each node, 200 ms upstream interval: on the other
 * node's client, the largest gap between two events around the kill and the events it got twice.
 */
const failovers = async ({ kills, standby, log }) => {
  const interval = 200;
  const cluster = await startCluster(2, { interval, standby });
  const gaps = [];
  let duplicates = 0;
  let outOfOrder = 0;
  const sockets = [];
  try {
    for (let kill = 0; kill < kills; kill += 1) {
      const ticker = `F${kill}`;
      const clients = [];
      for (const node of cluster.nodes) {
        const client = await watch(node, ticker);
        sockets.push(client.socket);
        clients.push(client);
      }
      const holders = standby ? 2 : 1;
      await until(
        'upstream subscriptions',
        () => clients.every((client) => client.timestamps.length >= 3),
        10_000,
      );
      // With standby, wait for it to be warm (the owner's round asks for one).
      const started = Date.now();
      let held = [];
      while (Date.now() - started < 8_000) {
        held = await Promise.all(cluster.nodes.map((node) => node.stats()));
        if (held.reduce((sum, stats) => sum + stats.ownedTopics + stats.standbyTopics, 0) >= holders) break;
        await delay(50);
      }
      await delay(1_000);
      const victim = held.findIndex((stats) => stats.ownedTopics > 0);
      if (victim === -1) throw new Error('relay-join: no owner found');
      const survivor = clients[1 - victim];
      const killedAt = Date.now();
      await cluster.nodes[victim].kill();
      await delay(standby ? 3_000 : 6_000);
      const arrivals = survivor.arrivals.filter((at) => at >= killedAt - 1_000);
      let gap = 0;
      for (let index = 1; index < arrivals.length; index += 1)
        gap = Math.max(gap, arrivals[index] - arrivals[index - 1]);
      gaps.push(gap);
      duplicates += survivor.timestamps.length - new Set(survivor.timestamps).size;
      outOfOrder += survivor.timestamps.filter(
        (t, index) => index > 0 && t < survivor.timestamps[index - 1],
      ).length;
      log(`relay failover${standby ? ' with standby' : ''} ${kill + 1}/${kills}: largest gap ${gap} ms`);
      for (const socket of sockets.splice(0)) socket.disconnect();
      cluster.nodes[victim] = await cluster.fork();
      await delay(300);
    }
  } finally {
    for (const socket of sockets) socket.disconnect();
    await cluster.close();
  }
  return { kills, interval, median: median(gaps), max: Math.max(...gaps), duplicates, outOfOrder };
};

module.exports = async ({ log, joins = 5, kills = 10 }) => {
  if (spawnSync('redis-server', ['--version']).status !== 0) return { skipped: 'redis-server not installed' };
  return {
    join: await lateJoiners({ joins, log }),
    standby: await failovers({ kills, standby: true, log }),
    leases: await failovers({ kills, standby: false, log }),
  };
};

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const met = (ok) => (ok ? 'yes' : '**no**');

/** The rows of bench/report.cjs's table. */
module.exports.rows = (r) => {
  if (r.skipped) return [['7d. relay image on join, hot standby', `skipped: ${r.skipped}`, '', '', '', '']];
  const { join: j, standby: s, leases: l } = r;
  return [
    [
      `7d. relay late joiner (image on join), 2 nodes + redis-server, upstream every ${j.interval / 1000} s, × ${j.joins}: token, connect and subscribe → first event`,
      `same node: median ${fmt(j.same.median)} ms, max ${fmt(j.same.max)} ms; other node: median ${fmt(j.other.median)} ms, max ${fmt(j.other.max)} ms`,
      `without the image: the next push, up to ${j.interval / 1000} s`,
      `${j.latest} of ${j.joins * 2} got the latest event first`,
      '≤ 200 ms same node, ≤ 300 ms other node',
      met(j.same.max <= 200 && j.other.max <= 300 && j.latest === j.joins * 2),
    ],
    [
      `7e. relay failover with \`standby: 1\` (2 nodes + redis-server), SIGKILL of a topic's owner × ${s.kills}, upstream every ${s.interval} ms`,
      `largest gap on the other node: median ${fmt(s.median)} ms, max ${fmt(s.max)} ms; ${s.duplicates} duplicates, ${s.outOfOrder} out of order`,
      `leases alone (7f): median ${fmt(l.median)} ms, max ${fmt(l.max)} ms; ${l.duplicates} duplicates`,
      `${fmt(s.max)} ms max`,
      `≤ ${fmt(2 * s.interval + 50)} ms, no duplicate`,
      met(s.max <= 2 * s.interval + 50 && s.duplicates === 0 && s.outOfOrder === 0),
    ],
    [
      `7f. relay failover on leases alone (default), the same × ${l.kills}, upstream every ${l.interval} ms`,
      `largest gap on the other node: median ${fmt(l.median)} ms, max ${fmt(l.max)} ms; ${l.duplicates} duplicates, ${l.outOfOrder} out of order`,
      'bound: lease TTL (3 s) + a quarter TTL + one subscribe round trip',
      `${fmt(l.max)} ms max`,
      '≤ 4,750 ms, no duplicate',
      met(l.max <= 4750 && l.duplicates === 0),
    ],
  ];
};
