import { useMemo, useState } from 'react';
import type { RecordData } from '../api/describe';
import { useDescribe } from '../api/metadata';
import { useApi } from '../api/use-api';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { ApiErrorView } from '../shell/api-error-view';
import { FieldValue } from './field-value';
import { InlineAdd } from './inline-add';
import { effectiveLayout } from './page-layout';
import { lookupRefs, useDisplayNames } from './record-names';
import { childFilter } from './related-discovery';
import type { RelatedListSpec } from './record-types';

/** Rows shown on the record page; the rest are one click away in the full list. */
export const RELATED_ROWS = 5;
const MAX_COLUMNS = 4;

/**
 * One related list: the first records of the child object that point at
 * this record, how many there are, a link to all of them, and "New" with the
 * lookup filled in.
 */
export function RelatedList({ spec, parentId, qualify, onAdded }: { spec: RelatedListSpec; parentId: string; qualify: boolean; onAdded(): void }) {
  const { t, label } = useI18n();
  const [adding, setAdding] = useState(false);
  const child = useDescribe(spec.object);
  const filter = JSON.stringify(childFilter([spec.field], parentId));
  const columns = useMemo(() => {
    if (!child.data) return [];
    const readable = new Map(child.data.object.fields.map((f) => [f.name, f]));
    const wanted = spec.columns ?? effectiveLayout(child.data).headerFields;
    return wanted.filter((c) => c !== 'name' && c !== spec.field && readable.has(c)).slice(0, MAX_COLUMNS).map((c) => readable.get(c)!);
  }, [child.data, spec]);
  const fields = ['id', 'name', ...columns.map((c) => c.name)].join(',');
  const list = useApi<{ records: RecordData[]; total?: number }>(child.data ? `/records/${encodeURIComponent(spec.object)}?filter=${encodeURIComponent(filter)}&limit=${RELATED_ROWS}&count=true&sort=-created_at&fields=${fields}` : null);
  const rows = list.data?.records;
  const refs = useMemo(() => lookupRefs(columns, rows ?? []), [columns, rows]);
  const names = useDisplayNames(refs);
  const title = child.data ? label(spec.label ?? child.data.object.pluralLabel, spec.object) : spec.object;
  const via = qualify && child.data ? child.data.object.fields.find((f) => f.name === spec.field) : undefined;
  const listUrl = `/app/o/${encodeURIComponent(spec.object)}?filter=${encodeURIComponent(filter)}`;
  return (
    <section className="rp-card rp-related" data-testid={`related-${spec.object}-${spec.field}`}>
      <header className="rp-related-head">
        <h3>
          {title}
          {via && <span className="rp-muted"> ({label(via.label, via.name)})</span>}
          {list.data?.total !== undefined && <span className="rp-count" data-testid="related-count">{list.data.total}</span>}
        </h3>
        <span className="spacer" />
        {child.data?.access.create && (
          <button type="button" aria-expanded={adding} onClick={() => setAdding((a) => !a)} data-testid={`related-new-${spec.object}-${spec.field}`}>
            {t('common.new')}
          </button>
        )}
        <Link to={listUrl}>{t('record.viewAll')}</Link>
      </header>
      {adding && child.data && (
        <InlineAdd
          describe={child.data}
          field={spec.field}
          parentId={parentId}
          onSaved={() => {
            setAdding(false);
            onAdded();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {child.error && <ApiErrorView error={child.error} retry={child.reload} />}
      {list.error && <ApiErrorView error={list.error} retry={list.reload} />}
      {!child.error && !list.error && !rows && <p className="rp-muted">{t('common.loading')}</p>}
      {rows && rows.length === 0 && <p className="rp-muted">{t('record.related.empty')}</p>}
      {rows && rows.length > 0 && (
        <div className="rp-table-wrap">
          <table className="grid rp-related-table">
            <thead>
              <tr>
                <th>{label(child.data!.object.fields.find((f) => f.name === 'name')?.label, 'name')}</th>
                {columns.map((c) => (
                  <th key={c.name}>{label(c.label, c.name)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/app/o/${encodeURIComponent(spec.object)}/${encodeURIComponent(r.id)}`}>{r.name == null || r.name === '' ? t('record.unnamed') : String(r.name)}</Link>
                  </td>
                  {columns.map((c) => (
                    <td key={c.name}>
                      <FieldValue field={c} value={r[c.name]} names={names} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
