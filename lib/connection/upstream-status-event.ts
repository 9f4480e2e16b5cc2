/**
 * The relay's word on its own upstream, sent to its downstream sockets (docs/protocol.md, "Relay:
 * upstream status"): `{ ok: false, message, retryIn? }` when upstream fails, `{ ok: true }` when it is
 * back. Sent on every change and, while failing, to each socket as it connects. Other socket.io clients
 * ignore an event they do not listen to.
 */
export const UPSTREAM_STATUS_EVENT = 'marketprophit:upstream';

export type UpstreamStatusPayload =
  { readonly ok: true } | { readonly ok: false; readonly message: string; readonly retryIn?: number };

/** The longest message kept from the wire, in characters. */
const MAX_MESSAGE = 500;

/** Reads the event's payload, untrusted: `undefined` for anything that is not one. */
export const readUpstreamStatus = (payload: unknown): UpstreamStatusPayload | undefined => {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { ok, message, retryIn } = payload as Record<string, unknown>;
  if (ok === true) return { ok: true };
  if (ok !== false || typeof message !== 'string') return undefined;
  const text = message.slice(0, MAX_MESSAGE);
  return typeof retryIn === 'number' && Number.isFinite(retryIn) && retryIn >= 0
    ? { ok: false, message: text, retryIn }
    : { ok: false, message: text };
};
