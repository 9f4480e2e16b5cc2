// The reference tables of the README and of the guides in docs/ against the code they describe, so that
// neither can change alone. README: createClient's options (and stated defaults) against the options type
// and defaultPolicy, the Errors table against each error class's code union, the entry table against
// package.json `exports`, the CLI row against `--help`. docs/: startRelay's and startServer's options and
// defaults against their options types and resolvers, the relay's metrics against what it registers, the
// front's limits against FrontLimits, its defaults and its ack errors, createFakeServer's options against
// its type and defaults, the commands' synopses and flags against `--help`, protocol.md's events against
// those lib emits. In prose anywhere in the user's docs: each error class and code, problem kind and
// "`option` (default)" named. The expected names and values come from the code itself (the TypeScript
// compiler reads the types, the resolvers run), never from a second list here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { commands } from '../../lib/cli/commands';
import { defaultPolicy } from '../../lib/lifecycle/policy';
import { usage } from '../../lib/cli/usage';
import * as frontLimitsModule from '../../lib/front/limits';
import { resolveLimits } from '../../lib/front/limits';
import type { SlowConsumerAction } from '../../lib/front/slow-consumer';
import { createRelayMetrics } from '../../lib/relay/metrics';
import { resolveRelayOptions } from '../../lib/relay/options';
import { resolveOptions } from '../../lib/server/options';
import type { RelayStats } from '../../lib/relay/start-relay';
import { literal, markdownTables, quantity, sorted, spans } from './markdown-tables';
import { ROOT } from './snippets';

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const readme = markdownTables(read('README.md'), 'README.md');

/** A type checker over the library's sources (lib/, as tsconfig.json compiles it). */
const program = ts.createProgram(
  [
    'lib/index.ts',
    'lib/errors/index.ts',
    'lib/relay/options.ts',
    'lib/front/limits.ts',
    'lib/front/slow-consumer.ts',
    'lib/testing/fake-server.ts',
    'lib/relay/start-relay.ts',
    'lib/server/options.ts',
  ].map((file) => join(ROOT, file)),
  {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
  },
);
const checker = program.getTypeChecker();

/** The exported symbols of one of lib's modules, by name. */
const exportsOf = (file: string): Map<string, ts.Symbol> => {
  const source = program.getSourceFile(join(ROOT, file));
  const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  if (module === undefined) throw new Error(`${file} is not in the program`);
  const resolve = (symbol: ts.Symbol) =>
    (symbol.flags & ts.SymbolFlags.Alias) === 0 ? symbol : checker.getAliasedSymbol(symbol);
  return new Map(checker.getExportsOfModule(module).map((symbol) => [symbol.getName(), resolve(symbol)]));
};

/** The declared type of an exported type or interface. */
const exportedType = (file: string, name: string): ts.Type => {
  const symbol = exportsOf(file).get(name);
  if (symbol === undefined) throw new Error(`${file} exports no ${name}`);
  return checker.getDeclaredTypeOfSymbol(symbol);
};

/** The members of a union, or the type itself. */
const members = (type: ts.Type): readonly ts.Type[] => (type.isUnion() ? type.types : [type]);

/** Property names of a type, or of every member of a union. */
const propertyNames = (type: ts.Type): string[] =>
  members(type).flatMap((member) =>
    checker.getPropertiesOfType(member).map((property) => property.getName()),
  );

/** The string literals a property of a type (or of each member of a union) may hold: `code`, `type`… */
const propertyLiterals = (type: ts.Type, name: string): string[] =>
  members(type).flatMap((member) => {
    const property = checker.getPropertyOfType(member, name);
    return property === undefined
      ? []
      : members(checker.getTypeOfSymbol(property))
          .filter((literal) => literal.isStringLiteral())
          .map((literal) => (literal as ts.StringLiteralType).value);
  });

/** The text of a property's TSDoc `@default` tag (`3_600_000 (one hour)`), if it has one. */
const defaultTag = (type: ts.Type, name: string): string | undefined => {
  const tag = checker
    .getPropertyOfType(type, name)
    ?.getJsDocTags(checker)
    .find((candidate) => candidate.name === 'default');
  return tag === undefined ? undefined : ts.displayPartsToString(tag.text);
};

/** The value a TSDoc `@default` states, as a default cell would (its first word: a literal, or code). */
const taggedDefault = (type: ts.Type, name: string): unknown => {
  const text = (defaultTag(type, name) ?? '').replace(/ \(.*$/, '');
  const [first = ''] = text.split(' ');
  return literal(text) ?? literal(first) ?? first.replace(/[,;]$/, '');
};

/**
 * The defaults of `const { name = value, … } = options` in the function `name` of `file`: the
 * destructuring of its first parameter, each default as its source text (`1_000`, `asyncScheduler`).
 */
const destructuredDefaults = (file: string, name: string): Map<string, string> => {
  const source = program.getSourceFile(join(ROOT, file));
  let found: Map<string, string> | undefined;
  const visit = (node: ts.Node): void => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === name &&
      node.initializer !== undefined &&
      ts.isArrowFunction(node.initializer)
    ) {
      const [parameter] = node.initializer.parameters;
      const visitBody = (inner: ts.Node): void => {
        if (
          found === undefined &&
          ts.isVariableDeclaration(inner) &&
          ts.isObjectBindingPattern(inner.name) &&
          inner.initializer?.getText() === parameter?.name.getText()
        ) {
          found = new Map(
            inner.name.elements.flatMap((element) =>
              element.initializer === undefined
                ? []
                : [[element.name.getText(), element.initializer.getText()]],
            ),
          );
        }
        ts.forEachChild(inner, visitBody);
      };
      visitBody(node.initializer.body);
    }
    ts.forEachChild(node, visit);
  };
  if (source !== undefined) visit(source);
  if (found === undefined) throw new Error(`${file}: ${name} destructures no options with defaults`);
  return found;
};

/**
 * What a table's default cell states, one value per code span (its literal value, or its text for code
 * like `asyncScheduler`), or the quantity of a cell without one (`64 KiB`, `30 s`); nothing for prose.
 */
const statedDefaults = (cell: string | undefined): unknown[] => {
  const codes = spans(cell);
  if (codes.length > 0) return codes.map((code) => literal(code) ?? code);
  const stated = quantity(cell ?? '');
  return stated === undefined ? [] : [stated];
};

/** `[option, stated default]` for each option of a table whose default cell states values. */
const statedByOption = (rows: string[][]): [string, unknown][] =>
  rows.flatMap(([option, cell]) => {
    const names = spans(option);
    const values = statedDefaults(cell);
    if (values.length === 0) return [];
    expect([names, values.length]).toEqual([names, names.length]);
    return names.map((name, index): [string, unknown] => [name, values[index]]);
  });

/** Each error class of lib/errors by name (MarketProphitError, their base, left out), with the codes of its union. */
const errorCodes = (): Map<string, string[]> =>
  new Map(
    [...exportsOf('lib/errors/index.ts')]
      .filter(
        ([name, symbol]) => name !== 'MarketProphitError' && (symbol.flags & ts.SymbolFlags.Class) !== 0,
      )
      .map(([name, symbol]) => [
        name,
        sorted(propertyLiterals(checker.getDeclaredTypeOfSymbol(symbol), 'code')),
      ]),
  );

/**
 * The event names `.emit(name, …)` is called with in the files of lib's `folders`, read by the checker:
 * a string literal, or a constant of one (`UPSTREAM_STATUS_EVENT`).
 */
const emittedEvents = (folders: readonly string[]): string[] => {
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'emit' &&
      node.arguments[0] !== undefined
    ) {
      const type = checker.getTypeAtLocation(node.arguments[0]);
      names.push(type.isStringLiteral() ? type.value : `(not a constant: ${node.arguments[0].getText()})`);
    }
    ts.forEachChild(node, visit);
  };
  for (const source of program.getSourceFiles()) {
    const file = source.fileName.slice(ROOT.length + 1);
    if (folders.some((folder) => file.startsWith(`${folder}/`))) visit(source);
  }
  return sorted(names);
};

/**
 * The code's default of each option a table states one of: what the resolver made of it where it keeps
 * it as a plain value (a number, a string, a list), else what its TSDoc `@default` says.
 */
const actualDefaults = (
  stated: [string, unknown][],
  resolved: object,
  type: ts.Type,
): [string, unknown][] => {
  const values = new Map<string, unknown>(Object.entries(resolved));
  return stated.map(([name]) => {
    const value = values.get(name);
    const plain = typeof value !== 'object' || Array.isArray(value);
    return [
      name,
      values.has(name) && plain && typeof value !== 'function' ? value : taggedDefault(type, name),
    ];
  });
};

describe('README reference tables', () => {
  it('createClient: a row for every option of ClientOptions and every field of its `policy`', () => {
    const options = propertyNames(exportedType('lib/client/options.ts', 'ClientOptions'));
    const policy = propertyNames(exportedType('lib/lifecycle/policy.ts', 'LifecyclePolicy'));
    expect(options).toContain('policy');
    const expected = sorted([...options, ...policy.map((field) => `policy.${field}`)]);
    const named = readme.after('### `createClient(options)`').flatMap(([option]) => spans(option));
    expect(sorted(named)).toEqual(expected);
  });

  it('createClient: the row of `fetch` and `apiKey` say what the code does', () => {
    const rows = new Map(readme.after('### `createClient(options)`').map((row) => [row[0], row]));
    expect(rows.get('`fetch`')?.[1]).toBe('the global `fetch`');
    expect(rows.get('`apiKey`')?.[2]).toMatch(/`undefined`/);
  });

  it('the client: a row for every member of MarketProphitClient', () => {
    const clientMembers = propertyNames(exportedType('lib/client/create-client.ts', 'MarketProphitClient'));
    expect(clientMembers).toContain('close');
    const named = readme
      .headed('member')
      .flatMap(([member]) => spans(member).map((span) => span.split('(')[0] ?? ''));
    expect(sorted(named)).toEqual(sorted(clientMembers));
  });

  it('Errors: a row for every error class, listing every code of its union', () => {
    const classes = [...errorCodes()];
    expect(classes.length).toBeGreaterThanOrEqual(5);
    for (const [, codes] of classes) expect(codes.length).toBeGreaterThan(0);
    const rows = readme
      .after('### Errors')
      .map(([error, codes]) => [spans(error)[0], sorted(spans(codes))] as const);
    expect(new Map(rows)).toEqual(new Map(classes));
  });

  it('the entry table: a row for every entry of package.json `exports`', () => {
    const manifest = JSON.parse(read('package.json')) as {
      readonly name: string;
      readonly exports: Record<string, unknown>;
    };
    const entries = Object.keys(manifest.exports)
      .filter((entry) => entry !== './package.json')
      .map((entry) => (entry === '.' ? manifest.name : `${manifest.name}/${entry.slice(2)}`));
    const rows = readme.after('## API').flatMap(([entry]) => spans(entry));
    expect(sorted(rows.filter((entry) => entry.startsWith(manifest.name)))).toEqual(sorted(entries));
  });

  it('the CLI row: every command of --help, and no other', () => {
    const commands = [...usage().matchAll(/^ {2}marketprophit-rx ([a-z]+) /gm)].map(
      (match) => match[1] ?? '',
    );
    expect(commands.length).toBeGreaterThanOrEqual(3);
    const row = readme.after('## API').find(([entry]) => entry === '`npx marketprophit-rx`');
    const named = spans(row?.[1]).map((span) => span.split(' ')[0] ?? '');
    expect(sorted(named)).toEqual(sorted(commands));
  });
});

describe('docs/ reference tables', () => {
  const relay = markdownTables(read('docs/relay.md'), 'docs/relay.md');
  const relayOptions = exportedType('lib/relay/options.ts', 'RelayOptions');
  const frontLimits = exportedType('lib/front/limits.ts', 'FrontLimits');
  const optionRows = () => relay.after('Relay options (beyond the front');

  it("relay.md: a row for every option of RelayOptions beyond the front's limits", () => {
    const limits = propertyNames(frontLimits);
    const options = propertyNames(relayOptions).filter((name) => !limits.includes(name));
    expect(options).toContain('upstream');
    expect(sorted(optionRows().flatMap(([option]) => spans(option)))).toEqual(sorted(options));
  });

  it("relay.md: each default the options table states as a value is startRelay's", () => {
    const resolved = resolveRelayOptions({
      upstream: { url: 'http://127.0.0.1:1', apiKey: 'sk_test_tables' },
    });
    const stated = statedByOption(optionRows());
    expect(stated.length).toBeGreaterThanOrEqual(10);
    expect(stated).toEqual(actualDefaults(stated, resolved, relayOptions));
  });

  it("local-server.md: a row for every option of startServer beyond the front's limits, its defaults the resolver's", () => {
    const rows = markdownTables(read('docs/local-server.md'), 'docs/local-server.md').after('## Options');
    const type = exportedType('lib/server/options.ts', 'ServerOptions');
    const limits = propertyNames(frontLimits);
    const options = propertyNames(type).filter((name) => !limits.includes(name));
    expect(sorted(rows.flatMap(([option]) => spans(option)))).toEqual(sorted(options));
    const stated = statedByOption(rows);
    expect(stated.length).toBeGreaterThanOrEqual(7);
    expect(stated).toEqual(actualDefaults(stated, resolveOptions(), type));
  });

  it('relay.md: a row for every metric the relay registers, with the values of its label', async () => {
    const actions = propertyLiterals(
      exportedType('lib/front/slow-consumer.ts', 'SlowConsumerAction'),
      'type',
    );
    expect(actions.length).toBeGreaterThanOrEqual(3);
    const metrics = await createRelayMetrics({
      stats: () => new Proxy({}, { get: () => 0 }) as RelayStats,
      upstreamUp: () => true,
      redisUp: () => undefined,
    });
    for (const type of actions) metrics.slowConsumer({ type, socketId: 'tables' } as SlowConsumerAction);
    const { body } = await metrics.render();
    // prom-client's own process metrics, which the relay registers beside its own.
    const processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
    const theirs = new Set((await processMetrics.getMetricsAsJSON()).map((metric) => metric.name));
    const registered = [...body.matchAll(/^# TYPE (\S+) /gm)]
      .map((match) => match[1] ?? '')
      .filter((name) => !theirs.has(name));
    const labels = [...body.matchAll(/^(\w+)\{(\w+)="([^"]+)"\}/gm)]
      .filter(([, name]) => !theirs.has(name ?? ''))
      .map(([, name, label, value]) => `${name}{${label}}=${value}`);
    const rows = relay.after('**Health and metrics.**').map(([metric = '', what]) => ({ metric, what }));
    const named = rows.flatMap(({ metric }) => spans(metric).map((span) => span.replace(/\{\w+\}$/, '')));
    expect(sorted(named)).toEqual(sorted(registered));
    const labelled = rows.flatMap(({ metric, what }) =>
      spans(metric)
        .filter((span) => span.endsWith('}'))
        .flatMap((span) => spans(what).map((value) => `${span}=${value}`)),
    );
    expect(labelled.length).toBeGreaterThanOrEqual(3);
    expect(sorted(labelled)).toEqual(sorted(labels));
  });

  it('limits.md: a row for every front limit, with its default and its ack error', () => {
    const rows = markdownTables(read('docs/limits.md'), 'docs/limits.md')
      .after('## Local server')
      .filter(([limit]) => limit?.startsWith('`'));
    const resolved: Readonly<Record<string, number>> = resolveLimits({});
    const names = rows.map(([limit]) => spans(limit)[0] ?? '');
    expect(sorted(names)).toEqual(sorted(propertyNames(frontLimits)));
    const stated = rows.map(([limit, cell]) => [spans(limit)[0] ?? '', quantity(cell ?? '')]);
    expect(stated).toEqual(names.map((name) => [name, resolved[name]]));
    // Each ack error limits.ts words (a function of the limit that names it), as it reads at the default.
    const messages = Object.entries(frontLimitsModule).flatMap(([name, message]) => {
      if (!name.endsWith('Message') || typeof message !== 'function') return [];
      const text = message as (limit: number) => string;
      const limit = /\((\w+)\)$/.exec(text(1))?.[1] ?? name;
      return [[limit, text(resolved[limit] ?? Number.NaN)]];
    });
    expect(messages.length).toBeGreaterThanOrEqual(4);
    const table = new Map(rows.map(([limit, , when]) => [spans(limit)[0], spans(when)]));
    expect(messages.filter(([limit, message]) => !table.get(limit)?.includes(message ?? ''))).toEqual([]);
  });

  it("testing.md: a row for every option of createFakeServer, each stated default the function's", () => {
    const rows = markdownTables(read('docs/testing.md'), 'docs/testing.md').after(
      '`createFakeServer(options)` takes:',
    );
    const type = exportedType('lib/testing/fake-server.ts', 'FakeServerOptions');
    expect(sorted(rows.flatMap(([option]) => spans(option)))).toEqual(sorted(propertyNames(type)));
    const defaults = destructuredDefaults('lib/testing/fake-server.ts', 'createFakeServer');
    const stated = statedByOption(rows);
    expect(stated.length).toBeGreaterThanOrEqual(4);
    expect(stated).toEqual(
      stated.map(([name]): [string, unknown] => {
        const code = defaults.get(name) ?? '(none)';
        return [name, literal(code) ?? code];
      }),
    );
  });

  it("cli.md: every command's synopsis as --help gives it (relay.md: the relay's), and only flags that exist", () => {
    const synopses = [...usage().matchAll(/^ {2}(marketprophit-rx [a-z]+ .*)$/gm)].map(
      (match) => match[1] ?? '',
    );
    expect(synopses).toHaveLength(Object.keys(commands).length);
    const linesOf = (file: string) => read(file).split('\n');
    expect(synopses.filter((synopsis) => !linesOf('docs/cli.md').includes(synopsis))).toEqual([]);
    expect(linesOf('docs/relay.md')).toContain(`marketprophit-rx ${commands.relay.synopsis}`);
    const flagsOf = (names: readonly string[]) => new Set(names.map((name) => `--${name}`));
    const everyFlag = flagsOf(Object.values(commands).flatMap((command) => Object.keys(command.flags)));
    const relayFlags = flagsOf(Object.keys(commands.relay.flags));
    const files = [
      'README.md',
      'docs/cli.md',
      'docs/relay.md',
      'docs/local-server.md',
      'docs/legacy-servers.md',
    ];
    const unknown = files.flatMap((file) =>
      [...read(file).matchAll(/(?<![\w-])--[a-z][a-z-]*/g)]
        .map(([flag]) => flag)
        .filter((flag) => !(file === 'docs/relay.md' ? relayFlags : everyFlag).has(flag))
        .map((flag) => `${file}: ${flag}`),
    );
    expect(unknown).toEqual([]);
  });
});

describe('docs/protocol.md', () => {
  const protocol = read('docs/protocol.md');

  it('lists every event a client emits, and no other', () => {
    const emitted = emittedEvents(['lib/client', 'lib/connection', 'lib/lifecycle', 'lib/subscription']);
    expect(emitted).toContain('subscribe');
    const rows = markdownTables(protocol, 'docs/protocol.md').after('### Client → server');
    expect(sorted(rows.map(([event]) => spans(event)[0] ?? ''))).toEqual(emitted);
  });

  it('names every event the local server and the relay emit', () => {
    const emitted = emittedEvents(['lib/front', 'lib/relay', 'lib/server']);
    expect(emitted).toContain('data');
    expect(emitted.filter((event) => !spans(protocol).includes(event))).toEqual([]);
  });
});

describe('what the docs name in prose', () => {
  const userDocs = [
    'README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`),
  ];
  /** `[file, match]` for each match of `pattern` in the user's docs. */
  const named = (pattern: RegExp) =>
    userDocs.flatMap((file) => [...read(file).matchAll(pattern)].map((match) => [file, match] as const));

  it("createClient: each default the README states as a duration is defaultPolicy's, as a value the TSDoc's", () => {
    const clientOptions = exportedType('lib/client/options.ts', 'ClientOptions');
    const policy = new Map<string, unknown>(Object.entries(defaultPolicy));
    const stated = readme.after('### `createClient(options)`').flatMap(([option, cell = '']) => {
      const names = sorted(spans(option).map((name) => name.replace(/^policy\./, '')));
      const duration = quantity(cell);
      if (duration !== undefined) return names.map((name) => [name, duration, policy.get(name)]);
      const [code, ...more] = spans(cell);
      const value = code === undefined || more.length > 0 ? undefined : literal(code);
      return value === undefined
        ? []
        : names.map((name) => [name, value, taggedDefault(clientOptions, name)]);
    });
    expect(stated.length).toBeGreaterThanOrEqual(8);
    expect(stated.filter(([, value, actual]) => value !== actual)).toEqual([]);
  });

  it('every `SomeError` `code` the docs name is a code of that class', () => {
    const codes = errorCodes();
    const mentions = named(/`(\w+Error)`((?: (?:\/ )?`[a-z_]+`)+)/g).flatMap(([file, [, error = '', list]]) =>
      spans(list).map((code) => [file, error, code]),
    );
    expect(mentions.length).toBeGreaterThanOrEqual(20);
    expect(mentions.filter(([, error = '', code = '']) => codes.get(error)?.includes(code) !== true)).toEqual(
      [],
    );
  });

  it("every problem `kind` the docs name is a kind of ConnectionProblem, every `onProblem`'s one of RelayProblem", () => {
    const kinds = propertyLiterals(
      exportedType('lib/lifecycle/client-state.ts', 'ConnectionProblem'),
      'kind',
    );
    // "problem `token`", "kind `protocol`"; "(kind `entitle`)" is the relay's, below.
    const mentions = named(/(?<!\()(?:problem|kind) `([\w-]+)`/g).map(([file, [, kind = '']]) => [
      file,
      kind,
    ]);
    expect(mentions.length).toBeGreaterThanOrEqual(8);
    expect(mentions.filter(([, kind = '']) => !kinds.includes(kind))).toEqual([]);
    const relayKinds = propertyLiterals(exportedType('lib/relay/options.ts', 'RelayProblem'), 'kind');
    // "`onProblem` (`connection`)", "`onProblem` says so (`slow-consumer`)", "`onProblem` (kind `entitle`)"
    const relayMentions = named(/`onProblem`[^`.]*\((?:kind )?`([\w-]+)`\)/g).map(([file, [, kind = '']]) => [
      file,
      kind,
    ]);
    expect(relayMentions.length).toBeGreaterThanOrEqual(4);
    expect(relayMentions.filter(([, kind = '']) => !relayKinds.includes(kind))).toEqual([]);
  });

  it('every "`option` (duration or size)" the docs write is that option\'s default', () => {
    const defaults = new Map<string, unknown[]>();
    const add = (source: object) => {
      for (const [name, value] of Object.entries(source)) {
        if (typeof value === 'number') defaults.set(name, [...(defaults.get(name) ?? []), value]);
      }
    };
    add(defaultPolicy);
    add(resolveLimits({}));
    add(resolveRelayOptions({ upstream: { url: 'http://127.0.0.1:1', apiKey: 'sk_test_tables' } }));
    const mentions = named(/`(?:policy\.)?(\w+)` \(([^)]+)\)/g).flatMap(
      ([file, [, name = '', cell = '']]) => {
        const value = quantity(cell);
        return value === undefined || !defaults.has(name) ? [] : [[file, name, value, defaults.get(name)]];
      },
    );
    expect(mentions.length).toBeGreaterThanOrEqual(10);
    expect(mentions.filter(([, , value, actual]) => !(actual as unknown[]).includes(value))).toEqual([]);
  });
});
