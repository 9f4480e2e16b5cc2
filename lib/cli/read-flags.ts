import type { SocketIoVersion } from '../connection/socket-choice';
import { suggestion } from './did-you-mean';

/** How a flag takes its value: `string` flags need one (`--ticker AAPL` or `--ticker=AAPL`). */
export type FlagKind = 'string' | 'boolean';

export interface ReadFlags {
  readonly positionals: readonly string[];
  readonly flags: ReadonlyMap<string, string | true>;
}

export type Read<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export const ok = <T>(value: T): Read<T> => ({ ok: true, value });
export const fail = <T = never>(error: string): Read<T> => ({ ok: false, error });

/**
 * Splits `argv` into positionals and `--flags`, refusing flags not in `known` and string flags without
 * a value. A lone `--` ends the flags.
 */
export const readFlags = (
  argv: readonly string[],
  known: Readonly<Record<string, FlagKind>>,
): Read<ReadFlags> => {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? '';
    if (arg === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [name = '', inline] = splitFlag(arg);
    const kind = Object.hasOwn(known, name) ? known[name] : undefined;
    if (kind === undefined) {
      const flag = arg.split('=')[0];
      return fail(`Unknown option ${flag}.${suggestion(name, Object.keys(known), (text) => `--${text}`)}`);
    }
    if (kind === 'boolean') {
      if (inline !== undefined) return fail(`Option --${name} takes no value`);
      flags.set(name, true);
      continue;
    }
    const value = inline ?? argv[index + 1];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      return fail(`Option --${name} needs a value`);
    }
    if (inline === undefined) index += 1;
    flags.set(name, value);
  }
  return ok({ positionals, flags });
};

/** `--name=value` → [name, value]; `--name` → [name]; `-h` → ['help']. */
const splitFlag = (arg: string): [string, string?] => {
  if (arg === '-h') return ['help'];
  if (arg === '-v' || arg === '-V') return ['version'];
  const body = arg.replace(/^--?/, '');
  const equals = body.indexOf('=');
  return equals === -1 ? [body] : [body.slice(0, equals), body.slice(equals + 1)];
};

/** An integer flag within [min, max], or `undefined` when absent. */
export const integerFlag = (
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

/** A string flag's value, or `undefined` when absent. */
export const stringFlag = (flags: ReadFlags['flags'], name: string): string | undefined => {
  const raw = flags.get(name);
  return typeof raw === 'string' ? raw : undefined;
};

/** Refuses positionals a command does not take. */
export const noExtra = (positionals: readonly string[], command: string): Read<void> =>
  positionals.length === 0 ? ok(undefined) : fail(`Unexpected argument '${positionals[0]}' for ${command}`);

/** `--url`: an http(s) or ws(s) URL, or `undefined` when absent. */
export const urlFlag = (flags: ReadFlags['flags']): Read<string | undefined> => {
  const url = stringFlag(flags, 'url');
  if (url !== undefined && !/^(https?|wss?):\/\/\S+$/.test(url)) {
    return fail(`--url must be an http(s) URL like http://127.0.0.1:4000, got '${url}'`);
  }
  return ok(url);
};

/** `--socket-io auto|2|4`: the `socketIo` client option, or `undefined` (auto) when absent. */
export const socketIoFlag = (flags: ReadFlags['flags']): Read<SocketIoVersion | undefined> => {
  const raw = stringFlag(flags, 'socket-io');
  if (raw === undefined || raw === 'auto') return ok(raw);
  if (raw === '2' || raw === '4') return ok(Number(raw) as 2 | 4);
  return fail(`--socket-io must be auto, 2 (socket.io 1.x/2.x servers) or 4, got '${raw}'`);
};
