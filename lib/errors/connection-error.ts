import { errorGuard, MarketProphitError } from './marketprophit-error';

/**
 * - `connect_failed`: the socket could not connect (the server is down or unreachable).
 * - `connect_timeout`: the socket did not connect within the policy's `connectTimeout`.
 * - `disconnected`: the server hung up, or the connection was lost.
 * - `protocol_mismatch`: the server speaks another socket.io protocol (e.g. socket.io 1.x/2.x): not retried.
 */
export type ConnectionErrorCode = 'connect_failed' | 'connect_timeout' | 'disconnected' | 'protocol_mismatch';

/**
 * The socket could not be opened or kept open. All but `protocol_mismatch` are retried by the client
 * (what is retried is the policy's `transient` table, `lib/lifecycle/transient.ts`).
 */
export class ConnectionError extends MarketProphitError<ConnectionErrorCode> {
  override readonly name = 'ConnectionError' as const;

  constructor(code: ConnectionErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** Whether `error` is a {@link ConnectionError}, from this copy of the package or another (matched by name). */
export const isConnectionError = errorGuard<ConnectionError>('ConnectionError');
