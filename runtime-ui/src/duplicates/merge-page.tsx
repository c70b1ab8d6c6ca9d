import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/api-error';
import { get, post } from '../api/client';
import type { Describe, FieldDef, RecordData } from '../api/describe';
import { useDescribe } from '../api/metadata';
import { useI18n } from '../i18n/i18n';
import { formatValue } from '../record/field-value';
import { Link, useRouter } from '../router/router';
import { ApiErrorView } from '../shell/api-error-view';

/** Field types whose value a merge can choose (computed and system values cannot be written). */
const NOT_CHOSEN = new Set(['id', 'autonumber', 'formula', 'rollup']);
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The fields the merge page offers: the record name and every field the user may edit. */
export const mergeableFields = (d: Describe): FieldDef[] =>
  d.object.fields.filter((f) => (f.name === 'name' || f.name === 'owner_id' || !f.system) && !NOT_CHOSEN.has(f.type) && (d.access.fields[f.name] ?? 'edit') === 'edit');

/** Per field, the record whose value wins by default: the survivor's, or the first record that has one. */
export function defaultChoices(fields: FieldDef[], records: RecordData[], survivor: string): Record<string, string> {
  const first = records.find((r) => r.id === survivor)!;
  return Object.fromEntries(fields.map((f) => [f.name, isEmpty(first[f.name]) ? (records.find((r) => !isEmpty(r[f.name]))?.id ?? survivor) : survivor]));
}

interface MergeResult {
  record: RecordData;
  merged: string[];
  reparented: { object: string; field: string; count: number }[];
}

/** The records named by ?ids=a,b(,c), read as the user may. */
function useRecords(object: string, ids: string[]) {
  const [state, setState] = useState<{ records?: RecordData[]; error?: ApiError }>({});
  const key = ids.join(',');
  useEffect(() => {
    let live = true;
    Promise.all(ids.map((id) => get<RecordData>(`/records/${encodeURIComponent(object)}/${encodeURIComponent(id)}`)))
      .then((records) => live && setState({ records }))
      .catch((e) => live && setState({ error: e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e)) }));
    return () => {
      live = false;
    };
  }, [object, key]); // `key` stands for `ids` (a new array each render)
  return state;
}

/**
 * /app/o/:object/merge?ids=a,b(,c): the records side by side, one radio per
 * field to choose whose value the surviving record keeps, the survivor
 * chosen per column; a confirmation, then the server's merge (all or
 * nothing) and a link to the result.
 */
export function MergePage({ object }: { object: string }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const { query } = useRouter();
  const ids = useMemo(() => [...new Set((query.get('ids') ?? '').split(',').filter(Boolean))], [query]);
  const describe = useDescribe(object);
  const loaded = useRecords(object, ids.length >= 2 && ids.length <= 4 ? ids : []);
  const [survivor, setSurvivor] = useState<string>();
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [result, setResult] = useState<MergeResult>();
  const d = describe.data;
  const records = loaded.records;
  const fields = useMemo(() => (d ? mergeableFields(d) : []), [d]);
  const keep = survivor ?? records?.[0]?.id;

  useEffect(() => {
    if (records && keep) setChoices(defaultChoices(fields, records, keep));
  }, [records, keep, fields]);

  if (ids.length < 2 || ids.length > 4) return <p className="tf-notice" data-testid="merge-need-ids">{t('merge.needIds')}</p>;
  if (describe.error) return <ApiErrorView error={describe.error} retry={describe.reload} />;
  if (loaded.error) return <ApiErrorView error={loaded.error} />;
  if (!d || !records || !keep) return <p aria-busy="true">…</p>;

  const title = label(d.object.label, object);
  if (result) {
    const moved = result.reparented.reduce((n, r) => n + r.count, 0);
    return (
      <section className="merge-page" data-testid="merge-done">
        <h1>{t('merge.title', { object: title })}</h1>
        <p role="status">{t('merge.done', { n: moved })}</p>
        <Link to={`/app/o/${encodeURIComponent(object)}/${encodeURIComponent(result.record.id)}`} data-testid="merge-open">
          {t('merge.open')}
        </Link>
      </section>
    );
  }

  const merge = async () => {
    setBusy(true);
    setError(undefined);
    const values = Object.fromEntries(Object.entries(choices).filter(([, id]) => id !== keep));
    const version = records.find((r) => r.id === keep)!.version;
    try {
      setResult(await post<MergeResult>(`/records/${encodeURIComponent(object)}/merge`, { survivor: keep, merged: ids.filter((id) => id !== keep), values, version }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e)));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="merge-page" data-testid="merge-page">
      <h1>{t('merge.title', { object: title })}</h1>
      {error && <ApiErrorView error={error} />}
      <table className="merge-table">
        <thead>
          <tr>
            <th>{t('merge.field')}</th>
            {records.map((r) => (
              <th key={r.id}>
                <label>
                  <input type="radio" name="merge-survivor" checked={r.id === keep} onChange={() => setSurvivor(r.id)} data-testid={`merge-survivor-${r.id}`} /> {t('merge.survivor')}
                </label>
                <div>
                  <Link to={`/app/o/${encodeURIComponent(object)}/${encodeURIComponent(r.id)}`}>{String(r.name ?? r.id)}</Link>
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => {
            const fieldLabel = label(f.label, f.name);
            const same = records.every((r) => JSON.stringify(r[f.name] ?? null) === JSON.stringify(records[0]![f.name] ?? null));
            return (
              <tr key={f.name} className={same ? 'merge-same' : 'merge-differs'} data-field={f.name}>
                <th scope="row">{fieldLabel}</th>
                {records.map((r) => (
                  <td key={r.id}>
                    <label>
                      <input type="radio" name={`merge-${f.name}`} aria-label={t('merge.pick', { field: fieldLabel })} checked={choices[f.name] === r.id} disabled={same} onChange={() => setChoices((c) => ({ ...c, [f.name]: r.id }))} data-testid={`merge-pick-${f.name}-${r.id}`} />{' '}
                      {formatValue(f, r[f.name], i18n)}
                    </label>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {confirming ? (
        <div role="alertdialog" className="tf-banner" data-testid="merge-confirm">
          <span>{t('merge.confirmText', { n: ids.length - 1 })}</span>
          <div className="tf-banner-actions">
            <button type="button" className="lv-danger" disabled={busy} onClick={() => void merge()} data-testid="merge-yes">
              {t('merge.confirmYes')}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              {t('dup.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="merge-actions">
          <button type="button" onClick={() => setConfirming(true)} data-testid="merge-submit">
            {t('merge.confirm')}
          </button>{' '}
          <Link to={`/app/o/${encodeURIComponent(object)}`}>{t('merge.back')}</Link>
        </div>
      )}
    </section>
  );
}
