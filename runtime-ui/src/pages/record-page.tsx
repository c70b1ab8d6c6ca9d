export { RecordPage } from '../record/record-page';
