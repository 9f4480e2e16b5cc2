// The README's reference tables against the code they describe, so that neither can change alone: the
// createClient options table against the options type, the Errors table against each error class's code
// union, the entry table against package.json `exports`, the CLI row against `--help`. The expected names
// come from the code itself (the TypeScript compiler reads the types), never from a second list here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { usage } from '../../lib/cli/usage';
import { markdownTables, sorted, spans } from './markdown-tables';
import { ROOT } from './snippets';

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const readme = markdownTables(read('README.md'), 'README.md');

/** A type checker over the library's sources (lib/, as tsconfig.json compiles it). */
const program = ts.createProgram([join(ROOT, 'lib', 'index.ts'), join(ROOT, 'lib', 'errors', 'index.ts')], {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  skipLibCheck: true,
});
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

/** Property names of a type, or of every member of a union. */
const propertyNames = (type: ts.Type): string[] =>
  (type.isUnion() ? type.types : [type]).flatMap((member) =>
    checker.getPropertiesOfType(member).map((property) => property.getName()),
  );

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
    const members = propertyNames(exportedType('lib/client/create-client.ts', 'MarketProphitClient'));
    expect(members).toContain('close');
    const named = readme.headed('member').flatMap(([member]) =>
      spans(member).map((span) => span.split('(')[0] ?? ''),
    );
    expect(sorted(named)).toEqual(sorted(members));
  });

  it('Errors: a row for every error class, listing every code of its union', () => {
    const classes = [...exportsOf('lib/errors/index.ts')]
      .filter(
        ([name, symbol]) => name !== 'MarketProphitError' && (symbol.flags & ts.SymbolFlags.Class) !== 0,
      )
      .map(([name, symbol]) => {
        const instance = checker.getDeclaredTypeOfSymbol(symbol);
        const code = checker.getPropertyOfType(instance, 'code');
        const type = code === undefined ? undefined : checker.getTypeOfSymbol(code);
        const literals = (type?.isUnion() ? type.types : type === undefined ? [] : [type])
          .filter((member) => member.isStringLiteral())
          .map((member) => (member as ts.StringLiteralType).value);
        return [name, sorted(literals)] as const;
      });
    expect(classes.length).toBeGreaterThanOrEqual(5);
    for (const [, codes] of classes) expect(codes.length).toBeGreaterThan(0);
    const rows = readme.after('### Errors').map(
      ([error, codes]) => [spans(error)[0], sorted(spans(codes))] as const,
    );
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
