export {
  fetchHistory$,
  type FetchHistoryBase,
  type FetchHistoryOptions,
  type FetchCustomHistoryOptions,
  type HistoryFetch,
} from './fetch-history';
export { buildQuery, type QueryValue } from './build-query';
