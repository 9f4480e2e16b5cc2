import { resolveLimits } from '../../lib/front/limits';
import { positiveNumber, wholeNumber } from '../../lib/util/positive-number';

const rules = { positiveNumber, wholeNumber };
type Rule = keyof typeof rules;

describe('the one check of a numeric option', () => {
  it.each<[Rule, number]>([
    ['positiveNumber', 0.5],
    ['positiveNumber', 1e9],
    ['wholeNumber', 1],
    ['wholeNumber', 65_536],
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
  ])('%s refuses %p with a RangeError naming it', (rule, value, message) => {
    expect(() => rules[rule]('n', value as number)).toThrow(new RangeError(message));
  });

  it('is the check of every front limit', () => {
    expect(() => resolveLimits({ maxTopics: 2.5 })).toThrow('maxTopics must be a whole number >= 1, got 2.5');
  });
});
