import { useMemo } from 'react';
import type { FieldDef, RecordData } from '../../api/describe';
import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { ApiErrorView } from '../../shell/api-error-view';
import { FieldValue } from '../../record/field-value';
import { lookupRefs, useDisplayNames } from '../../record/record-names';

/** Rows a widget shows. */
export const WIDGET_ROWS = 10;

/**
 * A widget's small table: the first records of a list request, each linking
 * to its record page, with a couple of formatted columns.
 */
export function RecordRows({ object, query, columns, empty, allTo }: { object: string; query: string; columns: FieldDef[]; empty: string; allTo: string }) {
  const { t } = useI18n();
  const list = useApi<{ records: RecordData[]; nextCursor?: string }>(`/records/${encodeURIComponent(object)}?limit=${WIDGET_ROWS}${query}`);
  const rows = list.data?.records;
  const refs = useMemo(() => lookupRefs(columns, rows ?? []), [columns, rows]);
  const names = useDisplayNames(refs);
  if (list.error) return <ApiErrorView error={list.error} retry={list.reload} />;
  if (!rows) return <p className="rp-muted">{t('common.loading')}</p>;
  if (rows.length === 0) return <p className="rp-muted">{empty}</p>;
  return (
    <>
      <ul data-testid={`widget-rows-${object}`}>
        {rows.map((r) => (
          <li key={r.id}>
            <Link to={`/app/o/${encodeURIComponent(object)}/${encodeURIComponent(r.id)}`}>{r.name == null || r.name === '' ? t('record.unnamed') : String(r.name)}</Link>
            <span className="rp-muted">
              {columns.map((c, i) => (
                <span key={c.name}>
                  {i > 0 && ' · '}
                  <FieldValue field={c} value={r[c.name]} names={names} />
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
      {list.data?.nextCursor && <Link to={allTo}>{t('home.widget.showAll')}</Link>}
    </>
  );
}
