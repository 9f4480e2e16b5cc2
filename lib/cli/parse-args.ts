import { Ticker } from '../endpoints/ticker';
import { realTimeSpecs } from '../endpoints/real-time-specs';
import type { Command, RelayCommand, ServeCommand, StreamCommand, StreamFormat } from './command';
import { fail, ok, readFlags, type Read, type ReadFlags } from './read-flags';
import { readRealTimePath } from './real-time-path-arg';

const helpFlags = { help: 'boolean', version: 'boolean' } as const;
const streamFlags = {
  ...helpFlags,
  ticker: 'string',
  url: 'string',
  format: 'string',
  count: 'string',
} as const;
const serveFlags = {
  ...helpFlags,
  port: 'string',
  host: 'string',
  interval: 'string',
  seed: 'string',
} as const;

const relayFlags = {
  ...helpFlags,
  port: 'string',
  host: 'string',
  url: 'string',
  redis: 'string',
  public: 'boolean',
} as const;

/** An integer flag within [min, max], or `undefined` when absent. */
const integerFlag = (
  flags: ReadFlags['flags'],
  name: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): Read<number | undefined> => {
  const raw = flags.get(name);
  if (raw === undefined || raw === true) return ok(undefined);
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    return fail(
      `--${name} must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}, got '${raw}'`,
    );
  }
  return ok(value);
};

const stringFlag = (flags: ReadFlags['flags'], name: string): string | undefined => {
  const raw = flags.get(name);
  return typeof raw === 'string' ? raw : undefined;
};

const noExtra = (positionals: readonly string[], command: string): Read<void> =>
  positionals.length === 0 ? ok(undefined) : fail(`Unexpected argument '${positionals[0]}' for ${command}`);

const urlFlag = (flags: ReadFlags['flags']): Read<string | undefined> => {
  const url = stringFlag(flags, 'url');
  if (url !== undefined && !/^(https?|wss?):\/\/\S+$/.test(url)) {
    return fail(`--url must be an http(s) URL like http://127.0.0.1:4000, got '${url}'`);
  }
  return ok(url);
};

const parseStream = (read: ReadFlags): Read<StreamCommand> => {
  const [pathArg, ...rest] = read.positionals;
  const path = readRealTimePath(pathArg);
  if (!path.ok) return path;
  const extra = noExtra(rest, 'stream');
  if (!extra.ok) return extra;

  const ticker = stringFlag(read.flags, 'ticker');
  if (ticker !== undefined) {
    if (realTimeSpecs[path.value].params === 'none') {
      return fail(`${path.value} streams every ticker and takes no --ticker`);
    }
    if (!Ticker.is(ticker)) {
      return fail(
        `Bad --ticker '${ticker}': an upper-case ticker of 1-20 letters, digits or "_" (e.g. AAPL, 6E_F)`,
      );
    }
  }

  const format = stringFlag(read.flags, 'format');
  if (format !== undefined && format !== 'table' && format !== 'ndjson') {
    return fail(`--format must be 'table' or 'ndjson', got '${format}'`);
  }
  const url = urlFlag(read.flags);
  if (!url.ok) return url;
  const count = integerFlag(read.flags, 'count', 1);
  if (!count.ok) return count;

  return ok({
    kind: 'stream',
    path: path.value,
    ticker,
    url: url.value,
    format: format as StreamFormat | undefined,
    count: count.value,
  });
};

const parseServe = (read: ReadFlags): Read<ServeCommand> => {
  const extra = noExtra(read.positionals, 'serve');
  if (!extra.ok) return extra;
  const port = integerFlag(read.flags, 'port', 0, 65_535);
  if (!port.ok) return port;
  const interval = integerFlag(read.flags, 'interval', 1);
  if (!interval.ok) return interval;
  const seed = integerFlag(read.flags, 'seed', 0);
  if (!seed.ok) return seed;
  return ok({
    kind: 'serve',
    port: port.value ?? 4000,
    host: stringFlag(read.flags, 'host') ?? '127.0.0.1',
    interval: interval.value,
    seed: seed.value,
  });
};

const parseRelay = (read: ReadFlags): Read<RelayCommand> => {
  const extra = noExtra(read.positionals, 'relay');
  if (!extra.ok) return extra;
  const port = integerFlag(read.flags, 'port', 0, 65_535);
  if (!port.ok) return port;
  const url = urlFlag(read.flags);
  if (!url.ok) return url;
  const redis = stringFlag(read.flags, 'redis');
  if (redis !== undefined && !/^rediss?:\/\/\S+$/.test(redis)) {
    return fail(`--redis must be a Redis URL like redis://127.0.0.1:6379, got '${redis}'`);
  }
  return ok({
    kind: 'relay',
    port: port.value ?? 8080,
    host: stringFlag(read.flags, 'host') ?? '127.0.0.1',
    url: url.value,
    redis,
    public: read.flags.has('public'),
  });
};

const parsers = { stream: parseStream, serve: parseServe, relay: parseRelay } as const;
const flagsOf = { stream: streamFlags, serve: serveFlags, relay: relayFlags } as const;
const isCommandName = (name: string): name is keyof typeof parsers => Object.hasOwn(parsers, name);

/** Understands a command line (without `node` and the script). Does not look at the environment. */
export const parseArgs = (argv: readonly string[]): Read<Command> => {
  const [name, ...rest] = argv;
  if (name === undefined) return fail('Missing command');
  if (name === 'help' || name === '--help' || name === '-h') return ok({ kind: 'help' });
  if (name === '--version' || name === '-v' || name === '-V' || name === 'version') {
    return ok({ kind: 'version' });
  }
  if (!isCommandName(name)) {
    return fail(name.startsWith('-') ? `Unknown option ${name}` : `Unknown command '${name}'`);
  }
  const read = readFlags(rest, flagsOf[name]);
  if (!read.ok) return read;
  if (read.value.flags.has('help')) return ok({ kind: 'help' });
  if (read.value.flags.has('version')) return ok({ kind: 'version' });
  return parsers[name](read.value);
};
