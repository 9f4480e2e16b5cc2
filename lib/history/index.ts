/* historical REST */
export {
  fetchHistory$,
  type FetchHistoryBase,
  type FetchHistoryOptions,
  type FetchCustomHistoryOptions,
  type HistoryFetch,
} from './fetch-history';
export { HistoryError, isHistoryError, type HistoryErrorCode } from '../errors/history-error';

/* the historical catalogue */
export { historicalSpecs, type HistoricalPath } from '../endpoints/historical-specs';
export {
  historicalEndpoints,
  type HistoricalEndpoints,
  type HistoricalParamsOf,
  type HistoricalRecordOf,
  type HistoricalResultsOf,
} from '../endpoints/historical-endpoints';
export type { HistoricalEndpointSpec, HistoricalRange } from '../endpoints/field-kind';

/* params of any catalogue path, real-time or historical */
export { validateParams } from '../endpoints/validate-params';
