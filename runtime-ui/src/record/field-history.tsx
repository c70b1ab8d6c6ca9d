import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/api-error';
import { get } from '../api/client';
import type { FieldDef } from '../api/describe';
import { useI18n } from '../i18n/i18n';
import { ApiErrorView } from '../shell/api-error-view';
import { HistoryDiff, historyRefs, type AuditEntry } from './history-diff';
import { useDisplayNames } from './record-names';

const PAGE = 20;

/** The record's field history, newest first, a page at a time ("older" follows the server's nextBefore). */
export function FieldHistory({ object, id, fields }: { object: string; id: string; fields: FieldDef[] }) {
  const { t } = useI18n();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const load = useCallback(
    async (before?: number) => {
      setBusy(true);
      setError(undefined);
      try {
        const page = await get<{ entries: AuditEntry[]; nextBefore: number | null }>(`/records/${encodeURIComponent(object)}/${encodeURIComponent(id)}/history?limit=${PAGE}${before ? `&before=${before}` : ''}`);
        setEntries((old) => (before ? [...old, ...page.entries] : page.entries));
        setNext(page.nextBefore);
      } catch (e) {
        setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e)));
      } finally {
        setBusy(false);
      }
    },
    [object, id],
  );
  useEffect(() => void load(), [load]);
  const refs = useMemo(() => historyRefs(entries, fields), [entries, fields]);
  const names = useDisplayNames(refs);
  return (
    <section className="rp-card" data-testid="field-history">
      <h2>{t('record.history')}</h2>
      {entries.length > 0 && <HistoryDiff entries={entries} fields={fields} names={names} />}
      {next === undefined && !error && <p>{t('common.loading')}</p>}
      {next !== undefined && entries.length === 0 && !error && <p className="rp-muted">{t('record.history.empty')}</p>}
      {error && <ApiErrorView error={error} retry={() => void load(entries.length ? (next ?? undefined) : undefined)} />}
      {next != null && !error && (
        <button type="button" className="link" disabled={busy} onClick={() => void load(next)}>
          {t('record.history.older')}
        </button>
      )}
    </section>
  );
}
