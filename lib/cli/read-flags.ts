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
    if (kind === undefined) return fail(`Unknown option ${arg.split('=')[0]}`);
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
