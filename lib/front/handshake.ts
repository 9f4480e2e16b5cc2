import type { ExtendedError } from 'socket.io';
import type { Report } from './hooks';
import type { ServerSocket } from './socket-types';
import type { TokenAuthority } from './token-authority';

/**
 * `io.use` middleware: only sockets whose handshake query carries a valid, unexpired, unrevoked token
 * get in. Refusals reach the client as `connect_error` with `message` and `data.code`.
 */
export const createHandshakeGuard =
  (authority: TokenAuthority, report: Report) =>
  (socket: ServerSocket, next: (error?: ExtendedError) => void): void => {
    const token = socket.handshake.query['token'];
    const check = authority.check(token);
    if (!check.ok) {
      report({ type: 'handshake_refused', code: check.code, message: check.message });
      next(Object.assign(new Error(check.message), { data: { code: check.code } }));
      return;
    }
    // Checked above: a valid token is a string.
    socket.data = { keyId: check.claims.sub, token: String(token), claims: check.claims };
    next();
  };
