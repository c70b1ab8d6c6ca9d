import { useMemo, useState } from 'react';
import { useDescribe, useMetadata } from '../api/metadata';
import type { RecordData } from '../api/describe';
import { useApi } from '../api/use-api';
import { preloadRecordForm, RecordForm, valuesFromQuery } from '../form';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../router/router';
import { ApiErrorView } from '../shell/api-error-view';

/**
 * /app/o/:object/new (query parameters prefill fields, e.g. ?account=<id>
 * from a related list) and /app/o/:object/:id/edit. The describe, the
 * payload schema and the record load in parallel; after saving, the record page.
 */
export function RecordFormPage({ object, id }: { object: string; id?: string }) {
  const { t, label } = useI18n();
  const { navigate, query } = useRouter();
  // Marks when the page starts (first render); the form marks tf-form-ready when it is on screen.
  useState(() => {
    performance.mark('tf-form-start');
    void preloadRecordForm().catch(() => undefined);
  });
  const describe = useDescribe(object);
  const schema = useMetadata<Record<string, unknown>>(`/metadata/objects/${encodeURIComponent(object)}/schema?mode=${id ? 'update' : 'create'}`);
  const record = useApi<RecordData>(id ? `/records/${encodeURIComponent(object)}/${encodeURIComponent(id)}` : null);
  const search = query.toString();
  const prefill = useMemo(() => (describe.data && !id ? valuesFromQuery(describe.data.object.fields, new URLSearchParams(search)) : undefined), [describe.data, id, search]);
  const failed = describe.error ?? schema.error ?? record.error;
  if (failed) {
    return (
      <ApiErrorView
        error={failed}
        retry={() => {
          describe.reload();
          schema.reload();
          record.reload();
        }}
      />
    );
  }
  if (!describe.data || !schema.data || (id && !record.data)) return <p>{t('common.loading')}</p>;
  const objectLabel = label(describe.data.object.label, object);
  const title = id ? t('form.editTitle', { name: String(record.data?.name ?? id) }) : t('form.newTitle', { object: objectLabel });
  return (
    <section className="tf-page">
      <h1>{title}</h1>
      <RecordForm
        describe={describe.data}
        schema={schema.data}
        {...(record.data ? { record: record.data } : {})}
        {...(prefill ? { initialValues: prefill } : {})}
        onSaved={(saved) => navigate(`/app/o/${encodeURIComponent(object)}/${encodeURIComponent(saved.id)}`)}
        onCancel={() => navigate(id ? `/app/o/${encodeURIComponent(object)}/${encodeURIComponent(id)}` : `/app/o/${encodeURIComponent(object)}`)}
      />
    </section>
  );
}
