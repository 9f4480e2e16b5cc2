import { createFakeServer } from '../../lib/testing/fake-server';

describe('createFakeServer options', () => {
  it.each(['connectDelay', 'reconnectDelay', 'ackDelay'])(
    'refuses a negative or NaN %s, naming it',
    (name) => {
      expect(() => createFakeServer({ [name]: -1 })).toThrow(
        new RangeError(`createFakeServer: ${name} must be 0 or more, got -1`),
      );
      expect(() => createFakeServer({ [name]: Number.NaN })).toThrow(`createFakeServer: ${name}`);
    },
  );

  it('takes 0 delays', () => {
    expect(() => createFakeServer({ connectDelay: 0, reconnectDelay: 0, ackDelay: 0 })).not.toThrow();
  });
});
