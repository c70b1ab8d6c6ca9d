import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import type { Describe, FieldDef, RecordData } from '../api/describe';
import { useI18n } from '../i18n/i18n';
import { Link, useRouter } from '../router/router';
import { ApiErrorView } from '../shell/api-error-view';
import { ChangeOwner } from './change-owner';
import { ConvertAction, useConversionStatus } from '../convert/convert-action';
import { FieldValue, type DisplayNames } from './field-value';

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e)));

/** The 360 card's header: the record's name, its key fields and what the user may do with it. */
export function RecordHeader({ describe, record, headerFields, names, onChanged }: { describe: Describe; record: RecordData; headerFields: string[]; names: DisplayNames; onChanged(): void }) {
  const { t, label } = useI18n();
  const { navigate } = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [owner, setOwner] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const conversion = useConversionStatus(describe, record);
  const object = describe.object.name;
  const base = `/app/o/${encodeURIComponent(object)}`;
  const byName = new Map<string, FieldDef>(describe.object.fields.map((f) => [f.name, f]));
  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      // The version the user is looking at: a record changed since is not deleted blind (409).
      await api<void>('DELETE', `/records/${encodeURIComponent(object)}/${encodeURIComponent(record.id)}`, undefined, { 'if-match': `"${record.version}"` });
      navigate(base, { replace: true });
    } catch (e) {
      setError(asApiError(e));
      setBusy(false);
    }
  };
  return (
    <header className="rp-header" data-testid="record-header">
      <div className="rp-title">
        <Link to={base} className="rp-object">
          {label(describe.object.label, object)}
        </Link>
        <h1>{record.name == null || record.name === '' ? t('record.unnamed') : String(record.name)}</h1>
      </div>
      {headerFields.length > 0 && (
        <dl className="rp-key-fields">
          {headerFields.map((name) => {
            const f = byName.get(name);
            return f ? (
              <div key={name} data-field={name}>
                <dt>{label(f.label, name)}</dt>
                <dd>
                  <FieldValue field={f} value={record[name]} names={names} />
                </dd>
              </div>
            ) : null;
          })}
        </dl>
      )}
      <div className="rp-actions">
        {describe.access.edit && !conversion.locked && (
          <Link to={`${base}/${encodeURIComponent(record.id)}/edit`} className="rp-button" data-testid="record-edit">
            {t('common.edit')}
          </Link>
        )}
        <ConvertAction describe={describe} record={record} status={conversion} />
        {describe.access.edit && (
          <button type="button" onClick={() => setOwner((v) => !v)} data-testid="record-change-owner">
            {t('record.changeOwner')}
          </button>
        )}
        {describe.access.delete && (
          <button type="button" className="rp-danger" onClick={() => setConfirming(true)} data-testid="record-delete">
            {t('common.delete')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="rp-confirm" role="alertdialog" aria-label={t('record.deleteConfirm')}>
          <span>{t('record.deleteConfirm')}</span>
          <button type="button" className="rp-danger" disabled={busy} onClick={() => void remove()} data-testid="record-delete-confirm">
            {t('common.delete')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {owner && (
        <ChangeOwner
          object={object}
          id={record.id}
          current={typeof record.owner_id === 'string' ? record.owner_id : undefined}
          onDone={() => {
            setOwner(false);
            onChanged();
          }}
          onCancel={() => setOwner(false)}
        />
      )}
      {error && <ApiErrorView error={error} />}
    </header>
  );
}
