import { HistoryError, isHistoryError, type HistoryErrorCode } from '../../lib/errors/history-error';
import { MarketProphitError } from '../../lib/errors/marketprophit-error';

describe('HistoryError', () => {
  it.each<[number, HistoryErrorCode]>([
    [400, 'bad_request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [406, 'not_acceptable'],
    [500, 'server_error'],
    [502, 'http'],
    [408, 'http'],
    [429, 'http'],
    [418, 'http'],
  ])('HTTP %i → %s', (status, code) => {
    const error = HistoryError.fromStatus('/historical/tweet-volume', status, '  Reason here \n');
    expect(error).toMatchObject({
      name: 'HistoryError',
      code,
      status,
      path: '/historical/tweet-volume',
    });
    expect(error.message).toBe(`GET /historical/tweet-volume failed with HTTP ${status}: Reason here`);
    expect(error).toBeInstanceOf(MarketProphitError);
  });

  it('leaves an empty body out of the message and truncates a long one', () => {
    expect(HistoryError.fromStatus('/x', 404, '').message).toBe('GET /x failed with HTTP 404');
    expect(HistoryError.fromStatus('/x', 500, 'e'.repeat(1000)).message).toHaveLength(
      'GET /x failed with HTTP 500: '.length + 500,
    );
  });

  it('network errors keep their cause', () => {
    const cause = new Error('ECONNREFUSED');
    const error = new HistoryError('network', 'no answer', '/x', undefined, { cause });
    expect(error.cause).toBe(cause);
  });

  it.each<[unknown, boolean]>([
    [new HistoryError('http', 'm', '/x', 599), true],
    // an error of another copy of the package: spec/errors/guards.spec.ts
    [Object.assign(new Error('only the name'), { name: 'HistoryError', code: 'http' }), false],
    [new Error('HistoryError'), false],
    [{ name: 'HistoryError' }, false],
    [null, false],
  ])('isHistoryError(%p) is %p', (value, expected) => {
    expect(isHistoryError(value)).toBe(expected);
  });
});
