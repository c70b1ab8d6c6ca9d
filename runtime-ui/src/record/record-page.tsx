import { useEffect, useMemo, useState } from 'react';
import { post } from '../api/client';
import { useDescribe, useMetadata } from '../api/metadata';
import type { RecordData } from '../api/describe';
import { useApi } from '../api/use-api';
import { useI18n } from '../i18n/i18n';
import { useNavigation } from '../shell/navigation';
import { ApiErrorView } from '../shell/api-error-view';
import { FieldHistory } from './field-history';
import { effectiveLayout } from './page-layout';
import { RecordDetails } from './record-details';
import { RecordHeader } from './record-header';
import { lookupRefs, useDisplayNames } from './record-names';
import type { RawObject } from './record-types';
import { RecordUnavailable } from './record-unavailable';
import { discoverRelatedLists, discoverTimelineSources } from './related-discovery';
import { RelatedSection } from './related-section';
import { SectionBoundary } from './section-boundary';
import { Timeline } from './timeline';

/**
 * The record page — the customer 360 card: header with key fields and
 * actions, details by the page layout, a related list per lookup pointing
 * here, the activity timeline and the field history. Opening it notes the
 * record among the user's recently viewed.
 */
export function RecordPage({ object, id }: { object: string; id: string }) {
  const { t, label } = useI18n();
  const enc = `${encodeURIComponent(object)}/${encodeURIComponent(id)}`;
  const describe = useDescribe(object);
  const record = useApi<RecordData>(`/records/${enc}`);
  const objects = useMetadata<{ objects: RawObject[] }>('/metadata/objects');
  const nav = useNavigation();
  const [revision, setRevision] = useState(0);
  const found = record.data !== undefined;
  useEffect(() => {
    if (found) void post('/me/recent', { object, id }).catch(() => undefined);
  }, [found, object, id]);
  const layout = useMemo(() => (describe.data ? effectiveLayout(describe.data) : undefined), [describe.data]);
  const readable = useMemo(() => new Set(nav.data?.objects.map((o) => o.name)), [nav.data]);
  const related = useMemo(() => (layout && objects.data && nav.data ? discoverRelatedLists(object, layout, objects.data.objects, readable) : undefined), [object, layout, objects.data, nav.data, readable]);
  const timeline = useMemo(() => (objects.data && nav.data ? discoverTimelineSources(object, objects.data.objects, readable) : undefined), [object, objects.data, nav.data, readable]);
  const refs = useMemo(() => (describe.data && record.data ? lookupRefs(describe.data.object.fields, [record.data]) : []), [describe.data, record.data]);
  const names = useDisplayNames(refs);

  const back = { to: `/app/o/${encodeURIComponent(object)}`, label: t('record.backToList') };
  if (describe.error) return <RecordUnavailable error={describe.error} back={{ to: '/app', label: t('record.backHome') }} retry={describe.reload} />;
  if (record.error) return <RecordUnavailable error={record.error} back={back} retry={record.reload} />;
  if (!describe.data || !record.data || !layout) return <p>{t('common.loading')}</p>;
  const d = describe.data;
  const r = record.data;
  const childAdded = () => setRevision((n) => n + 1);
  return (
    <article className="rp-page" data-testid="record-page" aria-label={label(d.object.label, object)}>
      <SectionBoundary>
        <RecordHeader describe={d} record={r} headerFields={layout.headerFields} names={names} onChanged={record.reload} />
      </SectionBoundary>
      <div className="rp-columns">
        <div className="rp-main">
          <RecordDetails layout={layout} fields={d.object.fields} record={r} names={names} />
          {objects.error && <ApiErrorView error={objects.error} retry={objects.reload} />}
          {nav.error && <ApiErrorView error={nav.error} retry={nav.reload} />}
          {related && related.length > 0 && (
            <section className="rp-related-area">
              <h2>{t('record.related')}</h2>
              <RelatedSection key={revision} specs={related} parentId={id} onAdded={childAdded} />
            </section>
          )}
        </div>
        <aside className="rp-side">
          {timeline && timeline.length > 0 && (
            <SectionBoundary>
              <Timeline key={revision} sources={timeline} parentId={id} />
            </SectionBoundary>
          )}
          <SectionBoundary>
            <FieldHistory key={`${r.version}`} object={object} id={id} fields={d.object.fields} />
          </SectionBoundary>
        </aside>
      </div>
    </article>
  );
}
