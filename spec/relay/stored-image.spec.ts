// What a relay node reads back from Redis as a topic's image is checked like any network input, and
// the latest-events store that holds images and tells second copies from new events.
import { parseSubscription } from '../../lib/front/subscription-request';
import { createLatestEvents } from '../../lib/relay/latest-events';
import { parseStoredImage, storedImage } from '../../lib/relay/stored-image';
import { createRecordGenerator } from '../../lib/server/record-generator';

const parsed = parseSubscription(
  { path: '/real-time/crowd-sentiment', params: { ticker: 'AAPL' } },
  undefined,
);
if (!parsed.ok) throw new Error(parsed.error);
const { topic } = parsed.value;
const timestamp = '2026-12-04T22:00:00.000Z';
const results = [
  createRecordGenerator(1, ['AAPL']).next(topic.path, topic.spec.fields, 'AAPL', new Date(timestamp)),
];

describe('parseStoredImage', () => {
  it('reads back what the owner stored', () => {
    expect(parseStoredImage(topic, storedImage({ results, timestamp }), 65_536)).toEqual({
      results,
      timestamp,
    });
  });

  it.each([
    ['not a string', Buffer.from('{}')],
    ['no image', null],
    ['not JSON', '{"results": ['],
    ['JSON but not an object', '[1, 2]'],
    ['no timestamp', JSON.stringify({ results })],
    ['a timestamp that is no date', JSON.stringify({ results, timestamp: 'yesterday' })],
    ['results not an array', JSON.stringify({ results: {}, timestamp })],
    ['records the catalogue codec refuses', JSON.stringify({ results: [{ ticker: 42 }], timestamp })],
    [
      'records nested 100,000 deep',
      `{"results":[${'['.repeat(100_000)}${']'.repeat(100_000)}],"timestamp":"${timestamp}"}`,
    ],
  ])('refuses %s', (_what, stored) => {
    expect(parseStoredImage(topic, stored, 65_536)).toBeUndefined();
  });

  it('refuses a stored image longer than the bound before parsing it', () => {
    const parse = jest.spyOn(JSON, 'parse');
    const long = storedImage({ results, timestamp });
    expect(parseStoredImage(topic, long, long.length - 1)).toBeUndefined();
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
  });
});

describe('createLatestEvents', () => {
  const later = '2026-12-04T22:00:02.000Z';
  let clock = 0;
  const create = () => createLatestEvents({ overlap: 1_000, now: () => clock });
  beforeEach(() => (clock = 0));

  it('delivers the first copy of each event when copies come two ways, and keeps the latest as the image', () => {
    const latest = create();
    expect(latest.admit('t', results, timestamp, 'upstream')).toBe(true);
    expect(latest.admit('t', [...results], timestamp, 'cluster')).toBe(false);
    expect(latest.admit('t', results, later, 'cluster')).toBe(true);
    expect(latest.admit('t', results, later, 'upstream')).toBe(false);
    // A late copy of an older event is still a copy; the image stays the latest.
    expect(latest.admit('t', results, timestamp, 'upstream')).toBe(false);
    expect(latest.image('t')).toEqual({ results, timestamp: later });
    latest.forget('t');
    expect([latest.image('t'), latest.size]).toEqual([undefined, 0]);
  });

  it('by the one rule: the same timestamp with other content is a new event', () => {
    const latest = create();
    expect(latest.admit('t', results, timestamp, 'upstream')).toBe(true);
    expect(latest.admit('t', [{ ...results[0], ticker: 'MSFT' }], timestamp, 'cluster')).toBe(true);
  });

  it('believes one way alone once the other has been quiet for the overlap', () => {
    const latest = create();
    latest.admit('t', results, timestamp, 'cluster');
    clock = 1_500;
    expect(latest.admit('t', results, timestamp, 'upstream')).toBe(true);
    expect(latest.admit('t', results, timestamp, 'upstream')).toBe(true);
  });

  it('takes a seeded image only when it is newer, and drops its copy when it arrives', () => {
    const latest = create();
    latest.seed('t', { results, timestamp });
    expect(latest.image('t')).toEqual({ results, timestamp });
    expect(latest.admit('t', results, timestamp, 'cluster')).toBe(false);
    expect(latest.admit('t', results, later, 'cluster')).toBe(true);
    latest.seed('t', { results, timestamp });
    expect(latest.image('t')?.timestamp).toBe(later);
  });
});
