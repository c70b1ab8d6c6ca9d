/** Record forms: RecordForm (loaded on demand) and the pieces other pages may reuse. */
export { LazyRecordForm as RecordForm, preloadRecordForm } from './lazy-record-form';
export type { RecordFormProps } from './record-form';
export type { FormDescribe, FormLayout, LayoutSection } from './form-types';
export { valuesFromQuery } from './query-values';
