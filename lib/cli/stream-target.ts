import { DEFAULT_URL } from '../client/default-url';
import type { StreamCommand } from './command';
import { fail, ok, type Read } from './read-flags';

export const API_KEY_VARIABLE = 'MARKETPROPHIT_API_KEY';

/** Where `stream` gets its data: a server at `url` with a key, or a local server it starts itself. */
export type StreamTarget =
  { readonly kind: 'remote'; readonly url: string; readonly apiKey: string } | { readonly kind: 'embedded' };

/** `--url` needs a key; a key without `--url` means the hosted API; neither, the embedded server. */
export const streamTarget = (
  command: StreamCommand,
  env: Readonly<Record<string, string | undefined>>,
): Read<StreamTarget> => {
  const apiKey = env[API_KEY_VARIABLE] || undefined;
  if (command.url !== undefined && apiKey === undefined) {
    return fail(
      `--url needs an API key: set ${API_KEY_VARIABLE} (for 'marketprophit-rx serve', the key it prints)`,
    );
  }
  if (apiKey === undefined) return ok({ kind: 'embedded' });
  return ok({ kind: 'remote', url: command.url ?? DEFAULT_URL, apiKey });
};
