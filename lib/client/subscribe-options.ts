/** Options of one `subscribe$` call, after its params. */
export interface SubscribeOptions {
  /**
   * Image on join: a subscriber that joins a (path, params) the client already streams, after its first
   * event, gets that latest event at once (synchronously on subscribe: the same object, its original
   * `timestamp`, no server round trip), then every new event. Before the first event there is nothing
   * to give; the image lasts through reconnects and token rotations, and goes when nobody wants the
   * (path, params) any more or its stream ended with an error. `false`: only events that arrive after
   * subscribing.
   *
   * @default true
   */
  readonly latest?: boolean;
}
