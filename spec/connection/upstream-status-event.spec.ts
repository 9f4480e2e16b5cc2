import { upstreamStatusEvent } from '../../lib/connection/upstream-status-event';

describe("upstreamStatusEvent: the relay's upstream status event, untrusted", () => {
  it('reads the two shapes', () => {
    expect(upstreamStatusEvent({ ok: true, extra: 1 })).toEqual({ type: 'upstream-healed' });
    expect(upstreamStatusEvent({ ok: false, message: 'Upstream: HTTP 503', retryIn: 1000 })).toEqual({
      type: 'upstream-failing',
      message: 'Upstream: HTTP 503',
      retryIn: 1000,
    });
  });

  it('ignores anything else, keeps messages short and drops a retryIn that is no time', () => {
    for (const payload of [
      null,
      undefined,
      'down',
      42,
      [],
      { ok: 'false' },
      { ok: false },
      { ok: false, message: 3 },
    ])
      expect(upstreamStatusEvent(payload)).toBeUndefined();
    expect(upstreamStatusEvent({ ok: false, message: 'x'.repeat(10_000) })).toEqual({
      type: 'upstream-failing',
      message: 'x'.repeat(500),
    });
    for (const retryIn of [-1, Infinity, NaN, '5'])
      expect(upstreamStatusEvent({ ok: false, message: 'm', retryIn })).toEqual({
        type: 'upstream-failing',
        message: 'm',
      });
  });
});
