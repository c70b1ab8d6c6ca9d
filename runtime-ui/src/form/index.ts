/** Record forms: RecordForm (loaded on demand) and the pieces other pages may reuse. */
export { LazyRecordForm as RecordForm, preloadRecordForm } from './lazy-record-form';
export type { RecordFormProps } from './record-form';
export { valuesFromQuery } from './query-values';
