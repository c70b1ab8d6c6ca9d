import { useEffect, useMemo, useState } from 'react';
import { diffSnapshots } from '../../../engine/shared/metadata-diff';
import type { RawSnapshot } from '../../../engine/shared/metadata-types';
import { useDraft } from '../draft/draft-store';
import { draftSnapshot } from '../draft/draft-types';
import { authorName, loadPublishEntry, loadSnapshot, type PublishEntry } from '../history/history-api';
import { useText } from '../i18n/text';
import { ChangeList, groupKey } from './change-list';
import { ConfirmButton } from './confirm-button';
import { reviewMessages } from './messages';

interface Loaded {
  base: RawSnapshot;
  current: RawSnapshot;
  entry?: PublishEntry;
}

/** The two versions a conflict is between, and who published the newer one (best effort). */
function useConflictVersions(base: number, current: number): { loaded?: Loaded; error?: string } {
  const [state, setState] = useState<{ loaded?: Loaded; error?: string }>({});
  useEffect(() => {
    let live = true;
    setState({});
    Promise.all([loadSnapshot(base), loadSnapshot(current), loadPublishEntry(current).catch(() => undefined)]).then(
      ([b, c, entry]) => live && setState({ loaded: { base: b, current: c, ...(entry ? { entry } : {}) } }),
      (e: unknown) => live && setState({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [base, current]);
  return state;
}

/**
 * Someone published since the draft's base version: their changes (base → current) beside
 * the draft's (base → draft), the objects both touched marked. The admin chooses: keep the
 * draft on top of the newest version (its whole documents win for what it touches) or discard it.
 */
export function ConflictPanel() {
  const t = useText(reviewMessages);
  const { draft, check, published, rebase, discard } = useDraft();
  const base = draft.baseVersion;
  const current = check.currentVersion ?? published?.version ?? base;
  const { loaded, error } = useConflictVersions(base, current);
  const [busy, setBusy] = useState(false);

  const diffs = useMemo(() => {
    if (!loaded) return undefined;
    const theirs = diffSnapshots(loaded.base, loaded.current);
    const yours = diffSnapshots(loaded.base, draftSnapshot(loaded.base, draft));
    const theirKeys = new Set(theirs.map(groupKey));
    const both = new Set(yours.map(groupKey).filter((k) => theirKeys.has(k)));
    return { theirs, yours, both };
  }, [loaded, draft]);

  const bothNames = diffs ? [...diffs.both].map((k) => k.slice(k.indexOf(':') + 1)).join(', ') : '';
  const who = loaded?.entry ? authorName(loaded.entry, '') : '';

  return (
    <section className="conflict-panel" data-testid="review-conflict" role="alert">
      <h2>{t('conflictTitle')}</h2>
      <p>{who ? t('conflictBy', { author: who, version: current, base }) : t('conflictAnon', { version: current, base })}</p>
      {error && <p className="issue">{t('conflictLoadFailed', { message: error })}</p>}
      {!loaded && !error && <p>{t('conflictLoading')}</p>}
      {loaded && diffs && (
        <>
          <div className="conflict-sides">
            <div className="side theirs" data-testid="review-conflict-theirs">
              <h3>{t('theirChanges', { base, version: current })}</h3>
              {diffs.theirs.length === 0 ? <p>{t('noTheirChanges')}</p> : <ChangeList changes={diffs.theirs} testid="review-their-change" snapshots={[loaded.current, loaded.base]} highlight={diffs.both} highlightNote={t('bothTouched')} />}
            </div>
            <div className="side yours" data-testid="review-conflict-yours">
              <h3>{t('yourChanges', { base })}</h3>
              <ChangeList changes={diffs.yours} testid="review-your-change" snapshots={[draftSnapshot(loaded.base, draft), loaded.base]} highlight={diffs.both} highlightNote={t('bothTouched')} />
            </div>
          </div>
          {diffs.both.size > 0 && <p className="both-list">{t('bothTouchedList', { names: bothNames })}</p>}
          <p className="rebase-explain">{diffs.both.size > 0 ? t('rebaseExplain', { version: current, names: bothNames }) : t('rebaseExplainNoOverlap', { version: current })}</p>
        </>
      )}
      <div className="conflict-actions">
        <button
          type="button"
          className="primary"
          data-testid="review-rebase"
          disabled={!loaded || busy}
          onClick={() => {
            setBusy(true);
            void rebase().finally(() => setBusy(false));
          }}
        >
          {t('rebase', { version: current })}
        </button>{' '}
        <ConfirmButton testid="review-conflict-discard" className="danger" label={t('conflictDiscard')} question={t('discardQuestion')} yes={t('discardYes')} no={t('discardNo')} onConfirm={() => discard()} />
      </div>
    </section>
  );
}
