'use strict';
// The parent's side of server-process.cjs: fork it, call its commands, stop it.
const { fork } = require('node:child_process');
const path = require('node:path');

const startServerProcess = () =>
  new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'server-process.cjs'), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [],
    });
    const pending = new Map();
    let nextId = 1;
    child.on('message', (message) => {
      if (message?.type === 'listening') {
        resolve(handle(`http://127.0.0.1:${message.port}`));
        return;
      }
      const waiter = pending.get(message?.id);
      if (waiter === undefined) return;
      pending.delete(message.id);
      if (message.ok) waiter.resolve(message.value);
      else waiter.reject(new Error(message.error));
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      for (const waiter of pending.values()) waiter.reject(new Error(`server exited (${code})`));
      pending.clear();
      reject(new Error(`server exited before listening (${code})`));
    });

    const call = (cmd, args = {}) =>
      new Promise((resolveCall, rejectCall) => {
        const id = nextId++;
        pending.set(id, { resolve: resolveCall, reject: rejectCall });
        child.send({ ...args, cmd, id });
      });

    const handle = (url) => ({
      url,
      pid: child.pid,
      burst: (args) => call('burst', args),
      stats: (socketId) => call('stats', { socketId }),
      hostile: (args) => call('hostile', args),
      /** Polls until `predicate(stats)` holds. */
      async waitFor(socketId, predicate, timeout = 10_000) {
        const deadline = Date.now() + timeout;
        for (;;) {
          const stats = await call('stats', { socketId });
          if (predicate(stats)) return stats;
          if (Date.now() > deadline)
            throw new Error(`server never reached the state: ${JSON.stringify(stats)}`);
          await new Promise((r) => setTimeout(r, 5));
        }
      },
      close: () =>
        new Promise((resolveClose) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolveClose();
          const killer = setTimeout(() => child.kill('SIGKILL'), 2_000);
          child.once('exit', () => {
            clearTimeout(killer);
            resolveClose();
          });
          child.send({ cmd: 'close' });
        }),
    });
  });

module.exports = { startServerProcess };
