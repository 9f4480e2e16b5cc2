'use strict';
// The two contenders: a bare socket.io-client socket, and marketprophit-rx's client (built dist).
const { io } = require('socket.io-client');
const { createClient } = require('../dist/index.cjs');

/** Same options as the library's default socket factory. */
const openRawSocket = (url) =>
  new Promise((resolve, reject) => {
    const socket = io(url, { query: { token: 'x' }, forceNew: true, transports: ['websocket'] });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });

const rawSubscribe = (socket, path, params) =>
  new Promise((resolve, reject) =>
    socket.emit('subscribe', { path, params }, (error) =>
      error == null ? resolve() : reject(new Error(error)),
    ),
  );

/**
 * Our client with a fixed token (any token is accepted by the bench server). `linger` is short so the
 * bench exits promptly; it does not matter while subscriptions are open.
 * Returns the client, its socket once connected, and `close()`.
 */
const openClient = (url) =>
  new Promise((resolve, reject) => {
    const client = createClient({ url, token: () => 'x', linger: 20 });
    const connection = client.connection$.subscribe({
      next: (socket) =>
        resolve({
          client,
          socket,
          close: () =>
            new Promise((done) => {
              if (!socket.connected) return done();
              socket.once('disconnect', () => done());
              connection.unsubscribe();
            }),
        }),
      error: reject,
    });
  });

const closeRaw = (socket) =>
  new Promise((done) => {
    if (!socket.connected) return done();
    socket.once('disconnect', () => done());
    socket.close();
  });

module.exports = { openRawSocket, rawSubscribe, openClient, closeRaw };
