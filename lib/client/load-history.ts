import { HistoryError } from '../errors/history-error';
import type * as History from '../history/index';
import { importByName } from '../util/import-by-name';

/** The entry `client.history$` loads at run time: the historical catalogue and `fetchHistory$`. */
export const HISTORY_ENTRY = 'marketprophit-rx/history';

/**
 * `marketprophit-rx/history`, loaded by package name on the first `client.history$` call. Not a static
 * import and not a literal `import()`: the historical catalogue is most of the library, and a bundler
 * (split or single-file) must not pull it into an app that only streams. Node loads it from
 * node_modules; a browser bundle cannot, and imports `fetchHistory$` from `marketprophit-rx/history`.
 */
export const loadHistory = (path: string): Promise<typeof History> =>
  importByName<typeof History>(HISTORY_ENTRY).catch((cause: unknown) => {
    throw new HistoryError(
      'not_loaded',
      `client.history$ could not load ${HISTORY_ENTRY} at run time (${String(cause)}). In a browser bundle, import { fetchHistory$ } from '${HISTORY_ENTRY}' instead`,
      path,
      undefined,
      { cause },
    );
  });
