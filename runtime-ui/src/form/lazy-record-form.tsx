import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { RecordFormProps } from './record-form';

type FormModule = typeof import('./record-form');
let loaded: FormModule | undefined;
let loading: Promise<FormModule> | undefined;

/**
 * Starts loading the form code (react-jsonschema-form and the widgets), once.
 * Pages call it as they start fetching their data, so both arrive together.
 */
export function preloadRecordForm(): Promise<FormModule> {
  loading ??= import('./record-form').then((m) => (loaded = m));
  return loading;
}

/**
 * RecordForm loaded on first use, so the form code stays out of the first
 * screen's bundle. Deliberately not React.lazy + Suspense: React throttles
 * revealing suspended content (about 300 ms), which a form that loads in a
 * few milliseconds should not wait for.
 */
export function LazyRecordForm(props: RecordFormProps) {
  const { t } = useI18n();
  const [mod, setMod] = useState(loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (mod) return;
    let live = true;
    preloadRecordForm().then(
      (m) => live && setMod(m),
      () => {
        loading = undefined;
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [mod, failed]);
  if (mod) return <mod.RecordForm {...props} />;
  if (failed) {
    return (
      <div role="alert" className="api-error">
        <span>{t('error.network')}</span>
        <button type="button" onClick={() => setFailed(false)}>
          {t('error.retry')}
        </button>
      </div>
    );
  }
  return <p>{t('common.loading')}</p>;
}
