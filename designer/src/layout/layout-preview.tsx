import { useMemo, useState, type FormEvent } from 'react';
import type { RecordData } from '../../../runtime-ui/src/api/describe';
import { MetadataScope } from '../../../runtime-ui/src/api/metadata';
import { useApi } from '../../../runtime-ui/src/api/use-api';
import { RecordForm } from '../../../runtime-ui/src/form';
import { useText } from '../i18n/text';
import { layoutMessages } from './messages';
import { previewSchema } from './preview-describe';
import type { DraftDescribe } from './use-draft-describe';

interface Props {
  object: string;
  state: DraftDescribe;
  /** Whether the object has a table yet (a draft-only object has no records to show). */
  published: boolean;
}

/** Nothing in the preview reaches the server: a submit is stopped before the form sees it. */
const stopSubmit = (e: FormEvent) => {
  e.preventDefault();
  e.stopPropagation();
};
const noop = () => undefined;

/**
 * The runtime UI's record form generated from the draft's definition, filled
 * with one of the object's first records (or empty, as a new record). Its
 * controls are disabled: the preview shows, it never saves.
 */
export function LayoutPreview({ object, state, published }: Props) {
  const t = useText(layoutMessages);
  const records = useApi<{ records: RecordData[] }>(published ? `/records/${encodeURIComponent(object)}?limit=10` : null);
  const [picked, setPicked] = useState('');
  const record = records.data?.records.find((r) => r.id === picked);
  const describe = state.status === 'ready' ? state.describe : undefined;
  const mode = record ? 'update' : 'create';
  const schema = useMemo(() => (describe ? previewSchema(describe, mode) : undefined), [describe, mode]);
  return (
    <section className="layout-panel layout-preview" data-testid="layout-preview">
      <h2>{t('preview')}</h2>
      <p className="hint">{t('previewHint')}</p>
      <label className="layout-inline">
        {t('previewRecord')}
        <select value={picked} onChange={(e) => setPicked(e.target.value)} data-testid="layout-preview-record">
          <option value="">{t('previewNew')}</option>
          {(records.data?.records ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {r.name == null || r.name === '' ? t('unnamed') : String(r.name)}
            </option>
          ))}
        </select>
      </label>
      {!published && <p className="hint">{t('previewNoRecords')}</p>}
      {state.status === 'invalid' && (
        <p className="issue" data-testid="layout-preview-invalid">
          {t('previewInvalid')}
        </p>
      )}
      {state.status === 'checking' && <p className="hint">{t('previewChecking')}</p>}
      {state.status === 'loading' && <p className="hint">{t('previewLoading')}</p>}
      {state.status === 'error' && <p className="issue">{state.message}</p>}
      {describe && schema && (
        <MetadataScope>
          <fieldset className="layout-preview-form" disabled onSubmitCapture={stopSubmit}>
            <RecordForm key={picked || 'new'} describe={describe} schema={schema} onSaved={noop} {...(record ? { record } : {})} />
          </fieldset>
        </MetadataScope>
      )}
    </section>
  );
}
