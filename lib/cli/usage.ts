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

/** The `--help` text. */
export const usage = (): string => `Usage:
  marketprophit-rx stream <path> [--ticker AAPL] [--url URL] [--format table|ndjson] [--count N]
  marketprophit-rx serve [--port 4000] [--host 127.0.0.1] [--interval ms] [--seed n]
  marketprophit-rx relay [--port 8080] [--host 127.0.0.1] [--url UPSTREAM] [--redis URL] [--public]
  marketprophit-rx --help | --version

stream   Streams a real-time path: a live table on a terminal, NDJSON (one event a line) when piped.
         <path> is /real-time/<name> or <name>. Without --url and MARKETPROPHIT_API_KEY it starts
         the local server itself, so it runs with no network. With --url (or for the hosted API)
         set MARKETPROPHIT_API_KEY.
           --ticker   one ticker (default: every ticker)
           --format   table or ndjson (default: table on a terminal, ndjson otherwise)
           --count    stop after N events
serve    Runs the local Market Prophit-compatible server and prints its URL and test API key.
relay    Serves the feed to many clients: one upstream subscription per topic. With --url set
         MARKETPROPHIT_API_KEY; without it, it relays a local server it starts itself. With --redis
         it joins a cluster of relays (set the same RELAY_SECRET on every node). Relay tokens
         (POST /jwt) go to loopback callers only, or to anyone with --public (behind your sign-in).

Paths:
${wrap(bareRealTimePaths(), 96, '  ')}

Exit codes: 0 done or stopped (Ctrl-C), 1 stream error, 2 bad usage.
`;

/** The hint printed under a usage error. */
export const usageHint = "Run 'marketprophit-rx --help' for usage.";
