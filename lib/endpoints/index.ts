export { formatValidationErrors } from './report';
export { realTimeSpecs, type RealTimePath } from './real-time-specs';
export type { FieldKind, FieldSpec, RealTimeEndpointSpec, RealTimeParamsKind } from './field-kind';
export { resultsCodecFor } from './lookup';
