import { useApi } from '../api/use-api';
import type { Describe, RecordData } from '../api/describe';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { ApiErrorView } from '../shell/api-error-view';

/** A first list: the object's first page with a few columns (the full list view replaces it). */
export function ListPage({ object }: { object: string }) {
  const { t, label } = useI18n();
  const describe = useApi<Describe>(`/metadata/objects/${encodeURIComponent(object)}/describe`);
  const list = useApi<{ records: RecordData[] }>(`/records/${encodeURIComponent(object)}?limit=50`);
  if (describe.error) return <ApiErrorView error={describe.error} retry={describe.reload} />;
  if (list.error) return <ApiErrorView error={list.error} retry={list.reload} />;
  if (!describe.data || !list.data) return <p>{t('common.loading')}</p>;
  const columns = describe.data.object.fields.filter((f) => !f.system || f.name === 'name').slice(0, 6);
  return (
    <section>
      <h1>{label(describe.data.object.pluralLabel, object)}</h1>
      <table className="grid">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.name}>{label(c.label, c.name)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list.data.records.map((r) => (
            <tr key={r.id}>
              {columns.map((c) => (
                <td key={c.name}>{c.name === 'name' ? <Link to={`/app/o/${object}/${r.id}`}>{String(r.name ?? r.id)}</Link> : r[c.name] == null ? '' : String(r[c.name])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
