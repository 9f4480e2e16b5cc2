'use strict';
// 1. Raw socket.io-client `on('data')` vs `client.subscribe$` with full decoding, and, for reference,
// raw socket.io-client with the decoding written by hand, and with the event built with no check at all
// (bench/no-checks-floor.cjs: what any client that hands out `Date`s and numbers pays).
const { openRawSocket, rawSubscribe, openClient, closeRaw } = require('./clients.cjs');
const { decodeByHand } = require('./hand-decode.cjs');
const { noChecksDecoder } = require('./no-checks-floor.cjs');
const { createMeter, alternate } = require('./measure.cjs');

const PATH = '/real-time/crowd-sentiment';

module.exports = async ({ server, n = 200_000, reps = 5, records, log }) => {
  const raw = await openRawSocket(server.url);
  const rawMeter = createMeter();
  raw.on('data', () => rawMeter.hit()); // truly raw: no check at all
  await rawSubscribe(raw, PATH, {});

  const byHand = await openRawSocket(server.url);
  const byHandMeter = createMeter();
  let handRecords = 0;
  byHand.on('data', (payload) => {
    const event = decodeByHand(payload, PATH);
    if (event === undefined) return;
    handRecords += event.results.length;
    byHandMeter.hit();
  });
  await rawSubscribe(byHand, PATH, {});

  const floor = await openRawSocket(server.url);
  const floorMeter = createMeter();
  const decodeWithoutChecks = noChecksDecoder();
  let floorRecords = 0;
  floor.on('data', (payload) => {
    floorRecords += decodeWithoutChecks(payload).results.length;
    floorMeter.hit();
  });
  await rawSubscribe(floor, PATH, {});

  const ours = await openClient(server.url);
  const ourMeter = createMeter();
  let decodedRecords = 0;
  const subscription = ours.client.subscribe$(PATH, {}).subscribe({
    next: (event) => {
      decodedRecords += event.results.length;
      ourMeter.hit();
    },
    error: (error) => log(`ours failed: ${error}`),
  });
  await server.waitFor(ours.socket.id, (stats) => stats.subscriptions === 1);

  const { results, serverRate } = await alternate(
    server,
    [
      { name: 'raw', socketId: raw.id, meter: rawMeter },
      { name: 'ours', socketId: ours.socket.id, meter: ourMeter },
      { name: 'byHand', socketId: byHand.id, meter: byHandMeter },
      { name: 'floor', socketId: floor.id, meter: floorMeter },
    ],
    { n, reps, path: PATH, records, log },
  );

  subscription.unsubscribe();
  await ours.close();
  await closeRaw(raw);
  await closeRaw(byHand);
  await closeRaw(floor);
  if (decodedRecords === 0 || handRecords === 0 || floorRecords === 0)
    throw new Error('a decoding contender decoded nothing');
  return {
    n,
    reps,
    records,
    raw: results.raw,
    ours: results.ours,
    byHand: results.byHand,
    floor: results.floor,
    ratio: results.ours.median / results.raw.median,
    ratioToByHand: results.ours.median / results.byHand.median,
    serverRate,
  };
};
