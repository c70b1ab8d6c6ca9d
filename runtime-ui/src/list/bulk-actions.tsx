import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { post } from '../api/client';
import type { Describe, FieldDef } from '../api/describe';
import { useI18n } from '../i18n/i18n';
import { filterKindOf } from '../filter-builder/operators';
import { ScalarInput, UserPicker } from '../filter-builder/value-input';
import { picklistValues } from '../widgets/picklist-options';
import { ApiErrorView } from '../shell/api-error-view';
import { useSession } from '../shell/session';
import { Link } from '../router/router';

/** The server's limit on the records of one bulk request. */
export const MAX_BULK = 1000;

/** Field types whose value a bulk edit can set (computed and system values cannot be written). */
const NOT_WRITABLE = new Set(['id', 'user', 'autonumber', 'formula', 'rollup']);

/** The fields the user may set on many records at once. */
export const bulkEditableFields = (d: Describe) => d.object.fields.filter((f) => !f.system && !NOT_WRITABLE.has(f.type) && (d.access.fields[f.name] ?? 'edit') === 'edit');

/** A value for every record: the field's own input, with only active picklist values. */
function BulkValueInput({ field, value, onChange }: { field: FieldDef; value: unknown; onChange(v: unknown): void }) {
  const { t, label } = useI18n();
  const active = picklistValues(field).filter((o) => o.active !== false);
  if (field.type === 'boolean') {
    return (
      <select aria-label={t('list.bulk.value')} value={value === true ? 'true' : value === false ? 'false' : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')} data-testid="bulk-value">
        <option value="" />
        <option value="true">{t('list.yes')}</option>
        <option value="false">{t('list.no')}</option>
      </select>
    );
  }
  if (field.type === 'picklist') {
    return (
      <select aria-label={t('list.bulk.value')} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)} data-testid="bulk-value">
        <option value="" />
        {active.map((o) => (
          <option key={o.value} value={o.value}>
            {label(o.label, o.value)}
          </option>
        ))}
      </select>
    );
  }
  if (field.type === 'multipicklist') {
    const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
    return (
      <span className="fb-chips" role="group" aria-label={t('list.bulk.value')}>
        {active.map((o) => (
          <button key={o.value} type="button" className="fb-chip" aria-pressed={chosen.has(o.value)} onClick={() => onChange(active.map((x) => x.value).filter((x) => (x === o.value ? !chosen.has(x) : chosen.has(x))))}>
            {label(o.label, o.value)}
          </button>
        ))}
      </span>
    );
  }
  return (
    <span data-testid="bulk-value">
      <ScalarInput field={field} kind={filterKindOf(field) ?? 'text'} value={value} label={t('list.bulk.value')} onChange={onChange} />
    </span>
  );
}

type Mode = 'edit' | 'owner' | 'delete' | undefined;

/**
 * What can be done to the selected records: set one field to one value, give
 * them to another owner, delete them — each all or nothing on the server. A
 * refusal shows the server's message (naming the records concerned) and
 * changes nothing; success reloads the list.
 */
export function BulkActions({ describe, ids, onDone, onClear }: { describe: Describe; ids: string[]; onDone(message: string): void; onClear(): void }) {
  const { t, label } = useI18n();
  const { me } = useSession();
  const object = describe.object.name;
  const fields = bulkEditableFields(describe);
  const [mode, setMode] = useState<Mode>();
  const [fieldName, setFieldName] = useState(fields[0]?.name ?? '');
  const [value, setValue] = useState<unknown>();
  const [clear, setClear] = useState(false);
  const [owner, setOwner] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const field = fields.find((f) => f.name === fieldName);
  const n = ids.length;

  const run = async (path: string, body: unknown, done: (r: Record<string, number>) => string) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await post<Record<string, number>>(`/records/${encodeURIComponent(object)}/${path}`, body);
      setMode(undefined);
      onDone(done(r));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e)));
    } finally {
      setBusy(false);
    }
  };
  const open = (m: Mode) => {
    setMode(mode === m ? undefined : m);
    setError(undefined);
  };
  const editValue = clear ? null : value;
  const canApply = !!field && (clear || (value !== undefined && value !== '' && !(Array.isArray(value) && !value.length && field.type !== 'multipicklist')));

  return (
    <div className="lv-bulk" data-testid="bulk-bar">
      <div className="lv-bulk-row">
        <strong>{t('list.selected', { n })}</strong>
        {n > MAX_BULK && <span className="form-error">{t('list.bulk.tooMany', { n: MAX_BULK })}</span>}
        {n <= MAX_BULK && describe.access.edit && fields.length > 0 && (
          <button type="button" aria-pressed={mode === 'edit'} onClick={() => open('edit')} data-testid="bulk-edit">
            {t('list.bulk.edit')}
          </button>
        )}
        {n <= MAX_BULK && describe.access.edit && (
          <button type="button" aria-pressed={mode === 'owner'} onClick={() => open('owner')} data-testid="bulk-owner">
            {t('list.bulk.owner')}
          </button>
        )}
        {n <= MAX_BULK && describe.access.delete && (
          <button type="button" aria-pressed={mode === 'delete'} className="lv-danger" onClick={() => open('delete')} data-testid="bulk-delete">
            {t('list.bulk.delete')}
          </button>
        )}
        {n >= 2 && n <= 3 && describe.access.edit && describe.access.delete && (
          <Link to={`/app/o/${encodeURIComponent(object)}/merge?ids=${ids.map(encodeURIComponent).join(',')}`} className="button" data-testid="bulk-merge">
            {t('list.bulk.merge')}
          </Link>
        )}
        <button type="button" className="link" onClick={onClear}>
          {t('list.clearSelection')}
        </button>
      </div>
      {n <= MAX_BULK && mode === 'edit' && (
        <form className="lv-bulk-form" onSubmit={(e) => (e.preventDefault(), canApply && void run('bulk-update', { ids, values: { [fieldName]: editValue } }, (r) => t('list.bulk.updated', { n: r.updated ?? n })))}>
          <label>
            {t('list.bulk.field')}
            <select value={fieldName} onChange={(e) => (setFieldName(e.target.value), setValue(undefined), setClear(false))} data-testid="bulk-field">
              {fields.map((f) => (
                <option key={f.name} value={f.name}>
                  {label(f.label, f.name)}
                </option>
              ))}
            </select>
          </label>
          {field && !clear && <BulkValueInput key={field.name} field={field} value={value} onChange={setValue} />}
          {field && !field.required && (
            <label className="lv-inline">
              <input type="checkbox" checked={clear} onChange={(e) => setClear(e.target.checked)} />
              {t('list.bulk.clearValue')}
            </label>
          )}
          <button type="submit" disabled={busy || !canApply} data-testid="bulk-apply">
            {t('list.bulk.apply', { n })}
          </button>
        </form>
      )}
      {n <= MAX_BULK && mode === 'owner' && (
        <form className="lv-bulk-form" onSubmit={(e) => (e.preventDefault(), owner && void run('transfer', { ids, ownerId: owner }, (r) => t('list.bulk.transferred', { n: r.transferred ?? n })))}>
          <label>
            {t('list.owner.pick')}
            <span data-testid="owner-picker">
              <UserPicker value={owner} onChange={setOwner} label={t('list.owner.pick')} />
            </span>
          </label>
          {me && (
            <button type="button" onClick={() => setOwner(me.id)}>
              {t('list.owner.me')}
            </button>
          )}
          <button type="submit" disabled={busy || !owner} data-testid="owner-apply">
            {t('list.bulk.apply', { n })}
          </button>
        </form>
      )}
      {n <= MAX_BULK && mode === 'delete' && (
        <div className="lv-bulk-form" role="alertdialog" aria-label={t('list.bulk.deleteConfirm', { n })}>
          <span>{t('list.bulk.deleteConfirm', { n })}</span>
          <button type="button" className="lv-danger" disabled={busy} onClick={() => void run('bulk-delete', { ids }, (r) => t('list.bulk.deleted', { n: r.deleted ?? n }))} data-testid="bulk-delete-confirm">
            {t('list.bulk.delete')}
          </button>
          <button type="button" onClick={() => setMode(undefined)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {error && <ApiErrorView error={error} />}
    </div>
  );
}
