import { commands } from './commands';
import { bareRealTimePaths } from './real-time-path-arg';

/** `words` joined by ', ' on lines of at most `width` characters. */
const wrap = (words: readonly string[], width: number, indent: string): string => {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line === '' ? word : `${line}, ${word}`;
    if (`${indent}${next},`.length > width && line !== '') {
      lines.push(`${indent}${line},`);
      line = word;
    } else line = next;
  }
  return [...lines, `${indent}${line}`].join('\n');
};

const indent = (text: string, by: string): string => text.replace(/\n/g, `\n${by}`);

/** The `--help` text, built from the command table. */
export const usage = (): string => {
  const entries = Object.entries(commands);
  return `Usage:
${entries.map(([, command]) => `  marketprophit-rx ${command.synopsis}`).join('\n')}
  marketprophit-rx --help | --version

${entries.map(([name, command]) => `${name.padEnd(8)} ${indent(command.help, ' '.repeat(9))}`).join('\n')}

Paths:
${wrap(bareRealTimePaths(), 96, '  ')}

Exit codes: 0 done or stopped (Ctrl-C), 1 stream error, 2 bad usage.
`;
};
