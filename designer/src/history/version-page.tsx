import { useEffect, useMemo, useState } from 'react';
import { diffSnapshots } from '../../../engine/shared/metadata-diff';
import type { RawSnapshot } from '../../../engine/shared/metadata-types';
import { ApiError } from '../../../runtime-ui/src/api/api-error';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { Link } from '../../../runtime-ui/src/router/router';
import { useDraft } from '../draft/draft-store';
import { useText } from '../i18n/text';
import { ChangeList } from '../review/change-list';
import { PlanSteps } from '../review/plan-steps';
import { authorName, loadPublishEntry, loadSnapshot, type PublishEntry } from './history-api';
import { historyMessages } from './messages';
import { RestorePanel } from './restore-panel';
import './history.css';
import '../review/review.css';

interface Loaded {
  snapshot: RawSnapshot;
  previous: RawSnapshot;
  entry?: PublishEntry;
}

/** A version's definitions, its predecessor's, and its publish entry (the entry is best effort). */
function useVersion(v: number): { loaded?: Loaded; error?: ApiError } {
  const [state, setState] = useState<{ loaded?: Loaded; error?: ApiError }>({});
  useEffect(() => {
    let live = true;
    setState({});
    Promise.all([loadSnapshot(v), loadSnapshot(v - 1), loadPublishEntry(v).catch(() => undefined)]).then(
      ([snapshot, previous, entry]) => live && setState({ loaded: { snapshot, previous, ...(entry ? { entry } : {}) } }),
      (e: unknown) => live && setState({ error: e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e)) }),
    );
    return () => {
      live = false;
    };
  }, [v]);
  return state;
}

/** /designer/history/:version: what the version changed (a readable diff from the one before), its plan, and restoring it. */
export function VersionPage({ version }: { version: string }) {
  const t = useText(historyMessages);
  const v = /^\d+$/.test(version) ? Number(version) : NaN;
  if (!Number.isSafeInteger(v) || v < 1) return <p role="alert">{t('notFound', { version })}</p>;
  return <VersionView v={v} />;
}

function VersionView({ v }: { v: number }) {
  const t = useText(historyMessages);
  const { fmt } = useI18n();
  const { published } = useDraft();
  const { loaded, error } = useVersion(v);
  const changes = useMemo(() => (loaded ? diffSnapshots(loaded.previous, loaded.snapshot) : []), [loaded]);
  const entry = loaded?.entry;

  return (
    <div className="version-page">
      <p>
        <Link to="/designer/history">{t('back')}</Link>
      </p>
      <h1>{t('versionTitle', { version: v })}</h1>
      {error && (
        <p role="alert" className="issue">
          {error.code === 'METADATA_VERSION_NOT_FOUND' ? t('notFound', { version: v }) : t('loadFailed', { message: error.message })}
        </p>
      )}
      {!loaded && !error && <p>{t('loading')}</p>}
      {loaded && (
        <>
          {entry && (
            <p className="version-meta" data-testid="version-meta">
              {t('publishedBy', { author: authorName(entry, t('unknownAuthor')), time: fmt.datetime(entry.at) })} {entry.summary || t('noSummary')}
            </p>
          )}
          <section>
            <h2>{t('changesTitle', { previous: v - 1 })}</h2>
            {changes.length === 0 ? <p>{t('noChanges', { previous: v - 1 })}</p> : <ChangeList changes={changes} testid="version-change" snapshots={[loaded.snapshot, loaded.previous]} />}
          </section>
          {entry && (
            <section>
              <h2>{t('planTitle')}</h2>
              <PlanSteps steps={entry.plan} testid="version-plan-step" />
            </section>
          )}
          {published?.version === v ? <p data-testid="version-is-current">{t('isCurrent')}</p> : <RestorePanel version={v} target={loaded.snapshot} />}
        </>
      )}
    </div>
  );
}
