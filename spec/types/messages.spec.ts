// What a user reads: the text of the errors a wrong call gets, and the type an editor shows on hover.
// A virtual file beside this one is compiled with spec/tsconfig.json's options by the TypeScript API.
import { join } from 'node:path';
import * as ts from 'typescript';

const here = __dirname;
const virtual = join(here, '__messages__.ts');

/** Compiles `source` as a file in spec/types; answers its diagnostics and the hover text of each `probe*`. */
const compile = (source: string): { errors: string[]; hovers: Record<string, string> } => {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(here, '..', 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (config === undefined) throw new Error('spec/tsconfig.json did not parse');
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) =>
    file === virtual ? ts.createSourceFile(file, source, language) : getSourceFile(file, language, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => file === virtual || fileExists(file);
  const program = ts.createProgram([virtual], config.options, host);
  const file = program.getSourceFile(virtual);
  if (file === undefined) throw new Error('the virtual file did not load');
  const checker = program.getTypeChecker();
  const hovers: Record<string, string> = {};
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText(file).startsWith('probe')) {
      const type = checker.getTypeAtLocation(node.name);
      hovers[node.name.getText(file)] = checker.typeToString(
        type,
        undefined,
        ts.TypeFormatFlags.NoTruncation,
      );
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  const errors = ts
    .getPreEmitDiagnostics(program, file)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  return { errors, hovers };
};

// One program for every case (compiling the library takes seconds): errors come in source order.
const source = `import { createClient } from '../../lib';
const client = createClient({ token: () => 't' });
client.subscribe$('/real-time/tweet-volume', { ticker: 'AAPL' }).subscribe((event) => {
  const probeRecord = event.results[0]!;
  const probeParams = event.params;
  const probePath = event.path;
});
const probeHistory = client.history$('/historical/daily-user-scores-by-user', { user_id: 'u1' });
client.subscribe$('/real-time/tweet-volume', { symbol: 'AAPL' });
client.subscribe$('/real-time/user-sentiment', { ticker: 'AAPL' });
client.history$('/historical/user-scores-last', { ticker: 'AAPL' });
client.subscribe$('/real-time/tweet-volumes');
createClient({ apiKey: 'sk_test_x', token: () => 't' });
createClient({ url: 'http://127.0.0.1:1' });
`;

describe('what the types say', () => {
  let result: { errors: string[]; hovers: Record<string, string> };
  beforeAll(() => {
    result = compile(source);
  }, 60_000);

  it('shows records and params as flat object types on hover, and the literal path', () => {
    expect(result.hovers).toEqual({
      probeRecord: '{ ts: Date; ticker: string; volume: number; }',
      probeParams: '{ ticker?: string | undefined; }',
      probePath: '"/real-time/tweet-volume"',
      probeHistory: expect.stringMatching(/^Observable<\{ ts: Date; user_id: string; .*\}\[\]>$/),
    });
  });

  it('reports wrong params against the params, with no overloads or custom endpoints in it', () => {
    expect(result.errors.slice(0, 4)).toEqual([
      "Object literal may only specify known properties, and 'symbol' does not exist in type '{ ticker?: string | undefined; }'.",
      `Type '"AAPL"' is not assignable to type '"/real-time/user-sentiment takes no params"'.`,
      `Type '"AAPL"' is not assignable to type '"/historical/user-scores-last takes no params"'.`,
      `Argument of type '"/real-time/tweet-volumes"' is not assignable to parameter of type 'RealTimeEndpoint'.`,
    ]);
  });

  it('refuses apiKey with token, and neither', () => {
    const [both, neither, ...rest] = result.errors.slice(4);
    expect(both).toMatch(/'token' are incompatible/);
    expect(neither).toMatch(/'\{ url: string; \}' is not assignable to parameter of type 'ClientOptions'/);
    expect(rest).toEqual([]);
  });
});
