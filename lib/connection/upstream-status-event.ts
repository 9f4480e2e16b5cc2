/**
 * The relay's word on its own upstream, sent to its downstream sockets (docs/protocol.md, "Relay:
 * upstream status"): `{ ok: false, message, retryIn? }` when upstream fails, `{ ok: true }` when it is
 * back. Sent on every change and, while failing, to each socket as it connects. Other socket.io clients
 * ignore an event they do not listen to.
 */
export const UPSTREAM_STATUS_EVENT = 'marketprophit:upstream';

export type UpstreamStatusPayload =
  { readonly ok: true } | { readonly ok: false; readonly message: string; readonly retryIn?: number };

/**
 * The lifecycle event an untrusted payload of that event is, or `undefined` for anything that is not
 * one: the message is cut at 500 characters, a `retryIn` that is no time is dropped.
 */
export const upstreamStatusEvent = (
  payload: unknown,
):
  | { readonly type: 'upstream-healed' }
  | { readonly type: 'upstream-failing'; readonly message: string; readonly retryIn?: number }
  | undefined => {
  const { ok, message, retryIn } = (payload ?? {}) as Record<string, unknown>;
  return ok === true
    ? { type: 'upstream-healed' }
    : ok === false && typeof message == 'string'
      ? {
          type: 'upstream-failing',
          message: message.slice(0, 500),
          retryIn: typeof retryIn == 'number' && retryIn >= 0 && retryIn < Infinity ? retryIn : undefined,
        }
      : undefined;
};
