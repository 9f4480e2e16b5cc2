import { Observable } from 'rxjs';
import type { SocketLike } from './socket-like';

/** `fromEvent` for a {@link SocketLike}, with the listener removed on unsubscribe. */
export const fromSocketEvent = <T = unknown>(socket: SocketLike, event: string): Observable<T> =>
  new Observable<T>((subscriber) => {
    const listener = (value: T) => subscriber.next(value);
    socket.on(event, listener as (...args: never[]) => void);
    return () => socket.off(event, listener as (...args: never[]) => void);
  });
