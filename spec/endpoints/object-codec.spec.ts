import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either';
import { objectCodec } from '../../lib/codecs/object-codec';

/** A decode result with each error's context as key and type name (the types themselves differ). */
const shown = (result: t.Validation<unknown>): unknown =>
  isLeft(result)
    ? result.left.map(({ value, message, context }) => ({
        value,
        message,
        context: context.map(({ key, type, actual }) => [key, type.name, actual]),
      }))
    : result;

/** A codec whose decoded value differs from its input, to see when a copy is made. */
const Doubled = new t.Type<number, number, unknown>(
  'Doubled',
  (u): u is number => typeof u === 'number',
  (u, c) => (typeof u === 'number' ? t.success(u * 2) : t.failure(u, c)),
  (a) => a / 2,
);

describe('objectCodec', () => {
  const props = { path: t.string, results: t.unknown, n: Doubled };
  const ours = objectCodec(props, 'Envelope');
  const theirs = t.type(props, 'Envelope');
  const inputs: unknown[] = [
    undefined,
    null,
    'text',
    42,
    [],
    [1, 2],
    new Date(0),
    {},
    { path: 'p', n: 1 },
    { path: 'p', results: undefined, n: 1 },
    { path: 'p', results: [1], n: 2 },
    { path: 1, results: null, n: 'x' },
    { path: 'p', results: 0, n: 3, extra: true },
    Object.create(null) as unknown,
  ];

  it.each(inputs.map((input) => [input]))('is and decode agree with t.type for %p', (input) => {
    expect(ours.is(input)).toBe(theirs.is(input));
    expect(shown(ours.decode(input))).toStrictEqual(shown(theirs.decode(input)));
  });

  it('returns its input when no key changes, a copy when one does, as t.type does', () => {
    const same = { path: 'p', results: 1 };
    const codec = objectCodec({ path: t.string, results: t.unknown }, 'Same');
    expect(codec.decode(same)).toStrictEqual(t.success(same));
    expect((codec.decode(same) as { right: unknown }).right).toBe(same);
    const changed = { path: 'p', results: 1, n: 2 };
    const decoded = ours.decode(changed) as { right: unknown };
    expect(decoded.right).not.toBe(changed);
    expect(decoded.right).toStrictEqual({ path: 'p', results: 1, n: 4 });
  });

  it('encodes as t.type does', () => {
    const value = { path: 'p', results: [1], n: 4 };
    expect(ours.encode(value)).toStrictEqual(theirs.encode(value));
  });
});
