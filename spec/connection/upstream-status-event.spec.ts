import { readUpstreamStatus } from '../../lib/connection/upstream-status-event';

describe("readUpstreamStatus: the relay's upstream status event, untrusted", () => {
  it('reads the two shapes', () => {
    expect(readUpstreamStatus({ ok: true, extra: 1 })).toEqual({ ok: true });
    expect(readUpstreamStatus({ ok: false, message: 'Upstream: HTTP 503', retryIn: 1000 })).toEqual({
      ok: false,
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
      expect(readUpstreamStatus(payload)).toBeUndefined();
    expect(readUpstreamStatus({ ok: false, message: 'x'.repeat(10_000) })).toEqual({
      ok: false,
      message: 'x'.repeat(500),
    });
    for (const retryIn of [-1, Infinity, NaN, '5'])
      expect(readUpstreamStatus({ ok: false, message: 'm', retryIn })).toEqual({ ok: false, message: 'm' });
  });
});
