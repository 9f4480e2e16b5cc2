import { resolveLimits } from '../../lib/front/limits';
import { checkNumber, positiveNumber } from '../../lib/util/positive-number';

describe('checkNumber: the one check of a numeric option', () => {
  it.each<[Parameters<typeof checkNumber>[2], number]>([
    ['positive', 0.5],
    ['positive', 1e9],
    ['whole', 1],
    ['whole', 65_536],
    ['non-negative', 0],
    ['non-negative', 2.5],
    ['non-negative', Infinity],
  ])('%s passes %p as it is', (rule, value) => {
    expect(checkNumber('n', value, rule)).toBe(value);
  });

  it.each<[Parameters<typeof checkNumber>[2], unknown, string]>([
    ['positive', 0, 'n must be a positive number, got 0'],
    ['positive', Infinity, 'n must be a positive number, got Infinity'],
    ['positive', Number.NaN, 'n must be a positive number, got NaN'],
    ['positive', '5', 'n must be a positive number, got 5'],
    ['whole', 1.5, 'n must be a whole number >= 1, got 1.5'],
    ['whole', 0, 'n must be a whole number >= 1, got 0'],
    ['non-negative', -1, 'n must be 0 or more, got -1'],
    ['non-negative', Number.NaN, 'n must be 0 or more, got NaN'],
  ])('%s refuses %p with a RangeError naming it', (rule, value, message) => {
    expect(() => checkNumber('n', value as number, rule)).toThrow(new RangeError(message));
  });

  it('names the unit when there is one', () => {
    expect(() => positiveNumber('`refreshEvery`', -1, 'ms')).toThrow(
      '`refreshEvery` must be a positive number of ms, got -1',
    );
  });

  it('is the check of every front limit', () => {
    expect(() => resolveLimits({ maxTopics: 2.5 })).toThrow('maxTopics must be a whole number >= 1, got 2.5');
  });
});
