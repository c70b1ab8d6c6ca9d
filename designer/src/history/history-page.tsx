import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { Link } from '../../../runtime-ui/src/router/router';
import { useDraft } from '../draft/draft-store';
import { useText } from '../i18n/text';
import { authorName, loadPublishes, type PublishEntry } from './history-api';
import { historyMessages } from './messages';
import './history.css';

/** The publishes read so far (pages appended as the admin asks for older ones). */
function usePublishes() {
  const [entries, setEntries] = useState<PublishEntry[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const load = useCallback(async (before?: number) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await loadPublishes(before);
      setEntries((e) => (before === undefined ? page.publishes : [...e, ...page.publishes]));
      setNext(page.nextBefore);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }, []);
  return { entries, next, loading, error, load };
}

/** /designer/history: every published version with author, time, summary and its database steps; each opens its diff. */
export function HistoryPage() {
  const t = useText(historyMessages);
  const { fmt } = useI18n();
  const { published } = useDraft();
  const { entries, next, loading, error, load } = usePublishes();
  // Read again whenever the published version moves (a publish or restore from this browser).
  useEffect(() => void load(), [load, published?.version]);

  return (
    <div className="history-page">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {error && (
        <p role="alert" className="issue">
          {t('loadFailed', { message: error })}{' '}
          <button type="button" onClick={() => void load()}>
            {t('retry')}
          </button>
        </p>
      )}
      {!loading && !error && entries.length === 0 && <p data-testid="history-empty">{t('empty')}</p>}
      {entries.length > 0 && (
        <table className="history-table">
          <thead>
            <tr>
              <th>{t('colVersion')}</th>
              <th>{t('colTime')}</th>
              <th>{t('colAuthor')}</th>
              <th>{t('colSummary')}</th>
              <th>{t('colSteps')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const trash = e.plan.filter((s) => s.destructive).length;
              return (
                <tr key={e.version} data-testid={`history-row-${e.version}`}>
                  <td>
                    <Link to={`/designer/history/${e.version}`} data-testid={`history-open-${e.version}`}>
                      {e.version}
                    </Link>
                    {e.version === published?.version && <span className="current-tag">{t('current')}</span>}
                  </td>
                  <td>
                    <time dateTime={e.at}>{fmt.datetime(e.at)}</time>
                  </td>
                  <td>{authorName(e, t('unknownAuthor'))}</td>
                  <td>{e.summary}</td>
                  <td>
                    {e.plan.length ? t('steps', { count: e.plan.length }) : t('noSteps')}
                    {trash > 0 && <span className="trash-count">{t('trashSteps', { count: trash })}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {loading && <p>{t('loading')}</p>}
      {!loading && next !== null && (
        <button type="button" data-testid="history-more" onClick={() => void load(next)}>
          {t('more')}
        </button>
      )}
    </div>
  );
}
