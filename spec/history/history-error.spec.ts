import { HistoryError, isHistoryError, type HistoryErrorCode } from '../../lib/errors/history-error';
import { MarketProphitError } from '../../lib/errors/marketprophit-error';
import { defaultTransient, isTransient } from '../../lib/lifecycle/transient';

describe('HistoryError', () => {
  it.each<[number, HistoryErrorCode, boolean]>([
    [400, 'bad_request', false],
    [401, 'unauthorized', false],
    [403, 'forbidden', false],
    [404, 'not_found', false],
    [406, 'not_acceptable', false],
    [500, 'server_error', true],
    [502, 'http', true],
    [408, 'http', true],
    [429, 'http', true],
    [418, 'http', false],
  ])('HTTP %i → %s (transient: %p)', (status, code, transient) => {
    const error = HistoryError.fromStatus('/historical/tweet-volume', status, '  Reason here \n');
    expect(error).toMatchObject({
      name: 'HistoryError',
      code,
      status,
      path: '/historical/tweet-volume',
    });
    expect(isTransient(defaultTransient, error)).toBe(transient);
    expect(error.message).toBe(`GET /historical/tweet-volume failed with HTTP ${status}: Reason here`);
    expect(error).toBeInstanceOf(MarketProphitError);
  });

  it('leaves an empty body out of the message and truncates a long one', () => {
    expect(HistoryError.fromStatus('/x', 404, '').message).toBe('GET /x failed with HTTP 404');
    expect(HistoryError.fromStatus('/x', 500, 'e'.repeat(1000)).message).toHaveLength(
      'GET /x failed with HTTP 500: '.length + 500,
    );
  });

  it('network errors are transient and keep their cause', () => {
    const cause = new Error('ECONNREFUSED');
    const error = new HistoryError('network', 'no answer', '/x', undefined, { cause });
    expect(isTransient(defaultTransient, error)).toBe(true);
    expect(error.cause).toBe(cause);
    expect(isTransient(defaultTransient, new HistoryError('invalid_params', 'bad', '/x'))).toBe(false);
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
