/** What a fake server saw, in order; `socket` numbers the sockets 1, 2, … as they were opened. */
export type FakeServerEvent =
  | { readonly type: 'connect'; readonly socket: number; readonly token: string }
  | { readonly type: 'refuse'; readonly socket: number; readonly token: string; readonly message: string }
  | {
      readonly type: 'subscribe' | 'unsubscribe';
      readonly socket: number;
      readonly path: string;
      readonly params: unknown;
    }
  /** The client emitted while disconnected: socket.io would have buffered it and replayed it later. */
  | { readonly type: 'buffered'; readonly socket: number; readonly event: string }
  | { readonly type: 'disconnect'; readonly socket: number; readonly reason: string };

export type FakeAck = string | null | 'withhold';
