import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/api-error';
import { get } from '../api/client';
import { describePath, useMetadataLoader } from '../api/metadata';
import type { Describe, FieldDef, RecordData } from '../api/describe';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { ApiErrorView } from '../shell/api-error-view';
import { FieldValue } from './field-value';
import { childFilter } from './related-discovery';
import type { TimelineSource } from './record-types';

const STEP = 10;
/** Picklists shown as badges on an entry (status, type …), and how much of its first long text. */
const BADGES = 2;
const EXCERPT = 160;

/** One event on the timeline: a child record, with what to show of it. */
export interface TimelineEntry {
  object: string;
  record: RecordData;
  at: string;
  describe: Describe;
}

/** Entries of several sources merged newest first (ties by object name, then id, so the order is stable). */
export function mergeTimeline(entries: TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.object.localeCompare(b.object) || a.record.id.localeCompare(b.record.id));
}

async function loadSource(src: TimelineSource, parentId: string, limit: number, metadata: <T>(path: string) => Promise<T>): Promise<{ entries: TimelineEntry[]; more: boolean }> {
  const filter = { and: [childFilter(src.lookups, parentId), { '!=': [{ var: src.dateField }, null] }] };
  const [describe, page] = await Promise.all([
    metadata<Describe>(describePath(src.object)),
    get<{ records: RecordData[]; nextCursor?: string }>(`/records/${encodeURIComponent(src.object)}?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=-${src.dateField}&limit=${limit}`),
  ]);
  return { entries: page.records.map((record) => ({ object: src.object, record, at: String(record[src.dateField]), describe })), more: page.nextCursor !== undefined };
}

/**
 * The activity timeline: records of every timeline source pointing at this
 * record, newest first, a few more at a time.
 */
export function Timeline({ sources, parentId }: { sources: TimelineSource[]; parentId: string }) {
  const { t, label, fmt } = useI18n();
  const [limit, setLimit] = useState(STEP);
  const [state, setState] = useState<{ entries?: TimelineEntry[]; more?: boolean; error?: ApiError }>({});
  const [tick, setTick] = useState(0);
  // The sources' describes once per page (the related lists read them too), however often "more" is asked.
  const metadata = useMetadataLoader();
  useEffect(() => {
    let live = true;
    Promise.all(sources.map((s) => loadSource(s, parentId, limit, metadata))).then(
      (parts) => {
        if (!live) return;
        const merged = mergeTimeline(parts.flatMap((p) => p.entries));
        setState({ entries: merged.slice(0, limit), more: merged.length > limit || parts.some((p) => p.more) });
      },
      (e: unknown) => live && setState({ error: e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e)) }),
    );
    return () => {
      live = false;
    };
  }, [sources, parentId, limit, tick, metadata]);
  const entries = state.entries;
  return (
    <section className="rp-card" data-testid="timeline">
      <h2>{t('record.timeline')}</h2>
      {state.error && <ApiErrorView error={state.error} retry={() => setTick((n) => n + 1)} />}
      {!entries && !state.error && <p className="rp-muted">{t('common.loading')}</p>}
      {entries && entries.length === 0 && <p className="rp-muted">{t('record.timeline.empty')}</p>}
      {entries && entries.length > 0 && (
        <ol className="rp-timeline">
          {entries.map((e) => (
            <TimelineItem key={`${e.object}:${e.record.id}`} entry={e} when={Number.isNaN(Date.parse(e.at)) ? e.at : e.at.length <= 10 ? fmt.date(e.at) : fmt.datetime(e.at)} objectLabel={label(e.describe.object.label, e.object)} />
          ))}
        </ol>
      )}
      {state.more && (
        <button type="button" className="link" onClick={() => setLimit((n) => n + STEP)}>
          {t('record.timeline.more')}
        </button>
      )}
    </section>
  );
}

function TimelineItem({ entry, when, objectLabel }: { entry: TimelineEntry; when: string; objectLabel: string }) {
  const { t } = useI18n();
  const { badges, text } = useMemo(() => {
    const fields: FieldDef[] = entry.describe.object.fields;
    return {
      badges: fields.filter((f) => f.type === 'picklist' && entry.record[f.name] != null).slice(0, BADGES),
      text: fields.find((f) => f.type === 'textarea' && typeof entry.record[f.name] === 'string' && entry.record[f.name] !== ''),
    };
  }, [entry]);
  const body = text ? String(entry.record[text.name]) : '';
  return (
    <li className="rp-timeline-item" data-testid="timeline-entry">
      <time dateTime={entry.at}>{when}</time>
      <div>
        <span className="rp-badge rp-badge-object">{objectLabel}</span>{' '}
        <Link to={`/app/o/${encodeURIComponent(entry.object)}/${encodeURIComponent(entry.record.id)}`}>{entry.record.name == null || entry.record.name === '' ? t('record.unnamed') : String(entry.record.name)}</Link>{' '}
        {badges.map((f) => (
          <span key={f.name} className="rp-badge">
            <FieldValue field={f} value={entry.record[f.name]} />
          </span>
        ))}
        {body && <p className="rp-excerpt">{body.length > EXCERPT ? `${body.slice(0, EXCERPT)}…` : body}</p>}
      </div>
    </li>
  );
}
