import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n/i18n';
import type { RecordFormProps } from './record-form';

const Loaded = lazy(() => import('./record-form').then((m) => ({ default: m.RecordForm })));

/** RecordForm loaded on first use, so react-jsonschema-form and ajv stay out of the first screen's bundle. */
export function LazyRecordForm(props: RecordFormProps) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p>{t('common.loading')}</p>}>
      <Loaded {...props} />
    </Suspense>
  );
}
