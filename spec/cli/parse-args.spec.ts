import { parseArgs } from '../../lib/cli/parse-args';

describe('parseArgs', () => {
  const stream = { kind: 'stream', ticker: undefined, url: undefined, format: undefined, count: undefined };

  it.each([
    [['--help'], { kind: 'help' }],
    [['help'], { kind: 'help' }],
    [['-h'], { kind: 'help' }],
    [['stream', '--help'], { kind: 'help' }],
    [['--version'], { kind: 'version' }],
    [['-v'], { kind: 'version' }],
    [['stream', 'crowd-sentiment'], { ...stream, path: '/real-time/crowd-sentiment' }],
    [['stream', '/real-time/tweet-volume'], { ...stream, path: '/real-time/tweet-volume' }],
    [['stream', 'real-time/tweet-buzz'], { ...stream, path: '/real-time/tweet-buzz' }],
    [
      ['stream', 'crowd-sentiment', '--ticker', 'AAPL', '--count', '3', '--format', 'ndjson'],
      { ...stream, path: '/real-time/crowd-sentiment', ticker: 'AAPL', count: 3, format: 'ndjson' },
    ],
    [
      ['stream', '--ticker=6E_F', 'tweet-buzz', '--url=http://127.0.0.1:4000', '--format=table'],
      {
        ...stream,
        path: '/real-time/tweet-buzz',
        ticker: '6E_F',
        url: 'http://127.0.0.1:4000',
        format: 'table',
      },
    ],
    [['serve'], { kind: 'serve', port: 4000, host: '127.0.0.1', interval: undefined, seed: undefined }],
    [
      ['serve', '--port', '0', '--host', '0.0.0.0', '--interval', '100', '--seed', '42'],
      { kind: 'serve', port: 0, host: '0.0.0.0', interval: 100, seed: 42 },
    ],
  ])('%j → %j', (argv, command) => {
    expect(parseArgs(argv)).toEqual({ ok: true, value: command });
  });

  it.each([
    [[], 'Missing command'],
    [['launch'], "Unknown command 'launch'"],
    [['--verbose'], 'Unknown option --verbose'],
    [['stream'], 'stream needs a path, one of:\n  crowd-sentiment\n'],
    [['stream', 'nope'], "Unknown real-time path 'nope'. Valid paths:\n  crowd-sentiment\n"],
    [['stream', '/historical/tweet-volume'], "Unknown real-time path '/historical/tweet-volume'"],
    [['stream', 'crowd-sentiment', 'extra'], "Unexpected argument 'extra' for stream"],
    [['stream', 'crowd-sentiment', '--tick', 'AAPL'], 'Unknown option --tick'],
    [['stream', 'crowd-sentiment', '--ticker'], 'Option --ticker needs a value'],
    [['stream', 'crowd-sentiment', '--ticker', '--count', '3'], 'Option --ticker needs a value'],
    [
      ['stream', 'crowd-sentiment', '--ticker', 'aapl'],
      `Bad --ticker 'aapl': an upper-case ticker of 1-20 letters, digits or "_" (e.g. AAPL, 6E_F). Did you mean 'AAPL'?`,
    ],
    [['stream', 'crowd-sentiment', '--ticker', ' 6e_f'], "Did you mean '6E_F'?"],
    [
      ['stream', 'crowd-sentiment', '--ticker', 'TOO_LONG_FOR_A_TICKER_1'],
      'Bad --ticker \'TOO_LONG_FOR_A_TICKER_1\': an upper-case ticker of 1-20 letters, digits or "_" (e.g. AAPL, 6E_F).',
    ],
    [['stream', 'user-sentiment', '--ticker', 'AAPL'], 'takes no --ticker'],
    [['stream', 'crowd-sentiment', '--format', 'csv'], "--format must be 'table' or 'ndjson'"],
    [['stream', 'crowd-sentiment', '--count', '0'], '--count must be a whole number from 1'],
    [['stream', 'crowd-sentiment', '--count', '2.5'], '--count must be a whole number'],
    [['stream', 'crowd-sentiment', '--url', 'localhost:4000'], '--url must be an http(s) URL'],
    [['stream', 'crowd-sentiment', '--help=yes'], 'Option --help takes no value'],
    [['serve', '--port', '70000'], '--port must be a whole number from 0 to 65535'],
    [['serve', '--interval', '0'], '--interval must be a whole number from 1'],
    [['serve', 'now'], "Unexpected argument 'now' for serve"],
    [['strem', 'crowd-sentiment'], "Unknown command 'strem'. Did you mean 'stream'?"],
    [
      ['stream', 'crowd-sentimnt'],
      "Unknown real-time path 'crowd-sentimnt'. Did you mean 'crowd-sentiment'?",
    ],
    [['stream', 'tweet'], "Unknown real-time path 'tweet'. Did you mean 'tweet-buzz'?"],
    [['stream', 'crowd-sentiment', '--tiker', 'AAPL'], 'Unknown option --tiker. Did you mean --ticker?'],
    [['serve', '--prot', '4000'], 'Unknown option --prot. Did you mean --port?'],
    [['stream', 'crowd-sentiment', '--verbose'], 'Unknown option --verbose.'],
  ])('%j is refused: %s', (argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toContain(message);
  });
});

describe('did you mean', () => {
  it('suggests nothing for a word far from every candidate', () => {
    const parsed = parseArgs(['stream', 'crowd-sentiment', '--zzz']);
    expect(parsed.ok ? '' : parsed.error).toBe('Unknown option --zzz.');
    const launch = parseArgs(['launch']);
    expect(launch.ok ? '' : launch.error).toBe("Unknown command 'launch'.");
  });
});
