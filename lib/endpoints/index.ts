/* reports */
export { formatValidationErrors } from '../codecs/report';

/* specs (the single source of every codec and of the local server's data) */
export { realTimeSpecs, isRealTimePath, type RealTimePath } from './real-time-specs';
export { historicalSpecs, type HistoricalPath } from './historical-specs';
export type {
  FieldKind,
  FieldSpec,
  RealTimeEndpointSpec,
  RealTimeParamsKind,
  HistoricalEndpointSpec,
  HistoricalRange,
} from './field-kind';

/* field codecs */
export {
  DecimalFromString,
  IntegerFromString,
  NullableDecimalFromString,
} from '../codecs/number-from-string';
export { DateFromIso, isIsoTimestamp } from '../codecs/date-from-iso';
export { fieldCodecs, fieldParsers, type FieldValue } from './field-codecs';
export {
  recordCodec,
  recordListCodec,
  type RecordCodec,
  type RecordListCodec,
  type FieldsSpec,
  type RecordFromFields,
  type EncodedRecordFromFields,
} from './record-codec';

/* params */
export {
  Ticker,
  UserId,
  IsoTimestampString,
  MonthDayYear,
  TimestampParam,
  Sector,
  sectors,
  TimeFrame,
  timeFrames,
  historicalParamCodecs,
  type HistoricalParamName,
} from './param-codecs';
export { strictObject, type StrictObjectOf } from '../codecs/strict-object';
export { validateParams } from './validate-params';

/* endpoint codecs */
export type { EndpointCodecs, EndpointDecoders } from './endpoint-codecs';
export {
  realTimeEndpoints,
  realTimeParamsCodecs,
  TickerOptionalParams,
  NoParams,
  type RealTimeEndpoints,
  type ParamsOf,
  type RecordOf,
  type ResultsOf,
} from './real-time-endpoints';
export {
  historicalEndpoints,
  type HistoricalEndpoints,
  type HistoricalParamsOf,
  type HistoricalRecordOf,
  type HistoricalResultsOf,
} from './historical-endpoints';
export { endpointCodecsFor } from './lookup';
export { customEndpoint, isCustomEndpoint, type CustomEndpoint } from './custom-endpoint';
