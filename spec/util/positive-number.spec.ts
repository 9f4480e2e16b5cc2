import { resolveLimits } from '../../lib/front/limits';
import { nonNegativeNumber, positiveNumber, wholeNumber } from '../../lib/util/positive-number';

const rules = { positiveNumber, wholeNumber, nonNegativeNumber };
type Rule = keyof typeof rules;

describe('the one check of a numeric option', () => {
  it.each<[Rule, number]>([
    ['positiveNumber', 0.5],
    ['positiveNumber', 1e9],
    ['wholeNumber', 1],
    ['wholeNumber', 65_536],
    ['nonNegativeNumber', 0],
    ['nonNegativeNumber', 2.5],
    ['nonNegativeNumber', Infinity],
  ])('%s passes %p as it is', (rule, value) => {
    expect(rules[rule]('n', value)).toBe(value);
  });

  it.each<[Rule, unknown, string]>([
    ['positiveNumber', 0, 'n must be a positive number, got 0'],
    ['positiveNumber', Infinity, 'n must be a positive number, got Infinity'],
    ['positiveNumber', Number.NaN, 'n must be a positive number, got NaN'],
    ['positiveNumber', '5', 'n must be a positive number, got 5'],
    ['wholeNumber', 1.5, 'n must be a whole number >= 1, got 1.5'],
    ['wholeNumber', 0, 'n must be a whole number >= 1, got 0'],
    ['nonNegativeNumber', -1, 'n must be 0 or more, got -1'],
    ['nonNegativeNumber', Number.NaN, 'n must be 0 or more, got NaN'],
  ])('%s refuses %p with a RangeError naming it', (rule, value, message) => {
    expect(() => rules[rule]('n', value as number)).toThrow(new RangeError(message));
  });

  it('is the check of every front limit', () => {
    expect(() => resolveLimits({ maxTopics: 2.5 })).toThrow('maxTopics must be a whole number >= 1, got 2.5');
  });
});
