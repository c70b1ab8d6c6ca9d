import { useMemo, useState } from 'react';
import { diffSnapshots } from '../../../engine/shared/metadata-diff';
import type { RawSnapshot } from '../../../engine/shared/metadata-types';
import { ApiError } from '../../../runtime-ui/src/api/api-error';
import { post } from '../../../runtime-ui/src/api/client';
import { Link } from '../../../runtime-ui/src/router/router';
import { useDraft } from '../draft/draft-store';
import type { PublishAnswer } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { ChangeList } from '../review/change-list';
import { PlanSteps } from '../review/plan-steps';
import { historyMessages } from './messages';

type Phase =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'planned'; answer: PublishAnswer; base: number }
  | { step: 'running'; answer: PublishAnswer; base: number }
  | { step: 'done'; version: number };

/** POST /metadata/versions/:v/restore as a dry run or for real, always against the version the admin saw. */
const restore = (v: number, q: Record<string, string>) => post<PublishAnswer>(`/metadata/versions/${v}/restore?${new URLSearchParams(q)}`);

/**
 * Restoring a version: a dry run first (what it changes compared with the current
 * version, and the plan, destructive steps marked and to be confirmed), then the
 * restore with `confirm` and `baseVersion`, then the draft store reads the metadata again.
 */
export function RestorePanel({ version, target }: { version: number; target: RawSnapshot }) {
  const t = useText(historyMessages);
  const { published, dirty, draft, reload } = useDraft();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<ApiError>();
  const current = published?.version ?? 0;
  const changes = useMemo(() => (published ? diffSnapshots(published.snapshot, target) : []), [published, target]);

  const fail = (e: unknown) => {
    const err = e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e));
    setError(err);
    setPhase({ step: 'idle' });
    if (err.code === 'METADATA_VERSION_CONFLICT') void reload();
  };
  const dryRun = async () => {
    setError(undefined);
    setConfirmed(false);
    setPhase({ step: 'checking' });
    try {
      setPhase({ step: 'planned', answer: await restore(version, { dryRun: 'true', baseVersion: String(current) }), base: current });
    } catch (e) {
      fail(e);
    }
  };
  const run = async (answer: PublishAnswer, base: number) => {
    const destructive = answer.plan.some((s) => s.destructive);
    setPhase({ step: 'running', answer, base });
    try {
      const done = await restore(version, { confirm: String(destructive && confirmed), baseVersion: String(base) });
      await reload();
      setPhase({ step: 'done', version: done.version });
    } catch (e) {
      fail(e);
    }
  };

  const planned = phase.step === 'planned' || phase.step === 'running' ? phase : undefined;
  const trash = planned ? planned.answer.plan.filter((s) => s.destructive).length : 0;
  return (
    <section className="restore-panel" data-testid="version-restore-panel">
      <h2>{t('restoreTitle')}</h2>
      <p>{t('restoreExplain', { version })}</p>
      {dirty && phase.step !== 'done' && (
        <p className="draft-warning" data-testid="version-restore-draft-warning">
          {t('draftWarning', { base: draft.baseVersion })}
        </p>
      )}
      {error && (
        <div role="alert" className="issue" data-testid="version-restore-error">
          {error.code === 'METADATA_VERSION_CONFLICT' ? t('restoreConflict', { current: String(error.details.currentVersion ?? '') }) : t('restoreFailed', { message: error.message })} <code>{error.code}</code>
          {error.issues.length > 0 && (
            <ul>
              {error.issues.map((i, n) => (
                <li key={n}>
                  <code>{i.code}</code> {i.message} <span className="issue-path">{i.path}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {(phase.step === 'idle' || phase.step === 'checking') && (
        <button type="button" data-testid="version-restore" disabled={phase.step === 'checking' || !published} onClick={() => void dryRun()}>
          {phase.step === 'checking' ? t('restoreChecking') : t('restore')}
        </button>
      )}
      {planned && (
        <>
          <h3>{t('restoreWhat', { current: planned.base })}</h3>
          {!planned.answer.changed ? (
            <p data-testid="version-restore-same">{t('restoreSame', { version })}</p>
          ) : (
            <>
              <ChangeList changes={changes} testid="version-restore-change" snapshots={[target, published?.snapshot ?? target]} />
              <h3>{t('restorePlan')}</h3>
              <PlanSteps steps={planned.answer.plan} testid="version-restore-step" />
              {trash > 0 && (
                <label className="restore-confirm destructive">
                  <input type="checkbox" data-testid="version-restore-confirm" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {t('restoreConfirm', { count: trash })}
                </label>
              )}
            </>
          )}
          <div className="restore-actions">
            {planned.answer.changed && (
              <button type="button" className="primary" data-testid="version-restore-run" disabled={phase.step === 'running' || (trash > 0 && !confirmed)} onClick={() => void run(planned.answer, planned.base)}>
                {phase.step === 'running' ? t('restoring') : t('restoreRun')}
              </button>
            )}
            <button type="button" data-testid="version-restore-cancel" disabled={phase.step === 'running'} onClick={() => setPhase({ step: 'idle' })}>
              {t('cancel')}
            </button>
          </div>
        </>
      )}
      {phase.step === 'done' && (
        <p className="restored" role="status" data-testid="version-restored">
          {t('restored', { version: phase.version })} <Link to={`/designer/history/${phase.version}`}>{t('restoredOpen', { version: phase.version })}</Link>
        </p>
      )}
    </section>
  );
}
