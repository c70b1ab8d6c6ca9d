import { useApi } from '../api/use-api';
import type { Describe, RecordData } from '../api/describe';
import { useI18n } from '../i18n/i18n';
import { ApiErrorView } from '../shell/api-error-view';

/** A first record page: every readable field with its label (the 360 page replaces it). */
export function RecordPage({ object, id }: { object: string; id: string }) {
  const { t, label } = useI18n();
  const describe = useApi<Describe>(`/metadata/objects/${encodeURIComponent(object)}/describe`);
  const record = useApi<RecordData>(`/records/${encodeURIComponent(object)}/${encodeURIComponent(id)}`);
  if (describe.error) return <ApiErrorView error={describe.error} retry={describe.reload} />;
  if (record.error) return <ApiErrorView error={record.error} retry={record.reload} />;
  if (!describe.data || !record.data) return <p>{t('common.loading')}</p>;
  return (
    <section>
      <h1>{String(record.data.name ?? id)}</h1>
      <dl className="details">
        {describe.data.object.fields.map((f) => (
          <div key={f.name}>
            <dt>{label(f.label, f.name)}</dt>
            <dd>{record.data![f.name] == null ? t('common.none') : String(record.data![f.name])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
