// The baseline of the bundle rows: bench/minimal-browser-app.mjs written by hand on rxjs and
// socket.io-client, as the mission's card describes the glue (a token every 5 hours, switchMapped into a
// socket with the token in its handshake query). No decoding, no backoff, no timeouts, no typed errors.
import { Observable, switchMap, timer } from 'rxjs';
import { io } from 'socket.io-client';

const token$ = timer(0, 5 * 60 * 60 * 1000).pipe(
  switchMap(() =>
    fetch('/jwt', { method: 'POST', credentials: 'same-origin' })
      .then((response) => response.json())
      .then((body) => body.token),
  ),
);

const data$ = token$.pipe(
  switchMap(
    (token) =>
      new Observable((subscriber) => {
        const socket = io(location.origin, { query: { token }, transports: ['websocket'] });
        const request = { path: '/real-time/crowd-sentiment', params: { ticker: 'AAPL' } };
        socket.on('connect', () => {
          document.body.dataset['state'] = 'connected';
          socket.emit('subscribe', request, (error) => error && subscriber.error(error));
        });
        socket.on('disconnect', () => (document.body.dataset['state'] = 'reconnecting'));
        socket.on('data', (event) => subscriber.next(event));
        return () => socket.disconnect();
      }),
  ),
);

data$.subscribe({
  next: ({ results }) => {
    document.body.textContent = results
      .map((record) => `${record.ticker} ${Number(record.crowd_sentiment)}`)
      .join('\n');
  },
  error: (error) => {
    document.body.textContent = String(error);
  },
});
