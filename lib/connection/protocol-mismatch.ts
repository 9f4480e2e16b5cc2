import { describeReason } from '../util/describe-reason';

/** The `type` of the `connect_error` our Engine.IO 3 client gives when the server speaks socket.io 3.x/4.x. */
export const PROTOCOL_MISMATCH_TYPE = 'ProtocolMismatch';

/** What socket.io-client 3+ says when it meets a socket.io 1.x/2.x server. */
const V4_MEETS_V2 = /server in v2\.x|not compatible/i;

/** Whether a `connect_error` says the server speaks another socket.io protocol than the client. */
export const isProtocolMismatch = (error: unknown): boolean =>
  (error as { type?: unknown } | undefined)?.type === PROTOCOL_MISMATCH_TYPE ||
  V4_MEETS_V2.test(describeReason(error));
