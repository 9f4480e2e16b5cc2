import type { HistoricalRoute } from './http-handler';
import type { RecordGenerator } from './record-generator';
import type { TokenAuthority } from './token-authority';

export interface HistoricalRouteDeps {
  readonly authority: TokenAuthority;
  readonly generator: RecordGenerator;
}

/**
 * Seam for `GET /historical/<name>`: undefined until the historical catalogue is served, so those
 * paths answer 404 like any unknown one.
 */
export const createHistoricalRoute = (_deps: HistoricalRouteDeps): HistoricalRoute | undefined => undefined;
