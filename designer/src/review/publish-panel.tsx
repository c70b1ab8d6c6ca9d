import { useState } from 'react';
import { ApiError } from '../../../runtime-ui/src/api/api-error';
import { useDraft } from '../draft/draft-store';
import type { PublishAnswer } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { reviewMessages } from './messages';

/** The server's limit for a publish summary. */
const SUMMARY_MAX = 500;

/**
 * Summary, the destructive-steps confirmation and the Publish button. Publishing is
 * possible only when the last dry run passed; a confirmation is for the destructive steps
 * it was ticked for (a plan with other destructive steps asks again).
 */
export function PublishPanel({ onPublished }: { onPublished(a: PublishAnswer): void }) {
  const t = useText(reviewMessages);
  const { check, publish } = useDraft();
  const [summary, setSummary] = useState('');
  const [confirmedFor, setConfirmedFor] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const destructive = check.plan.filter((s) => s.destructive);
  const destructiveKey = JSON.stringify(destructive.map((s) => s.description));
  const confirmed = destructive.length > 0 && confirmedFor === destructiveKey;
  const valid = check.status === 'valid';
  const ready = valid && (destructive.length === 0 || confirmed) && !busy;

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const text = summary.trim();
      onPublished(await publish({ confirm: confirmed, ...(text ? { summary: text } : {}) }));
    } catch (e) {
      // A conflict is shown by the conflict panel (the store turned the check into 'conflict').
      if (!(e instanceof ApiError && e.code === 'METADATA_VERSION_CONFLICT')) setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="publish-panel">
      <label className="summary">
        {t('summaryLabel')}
        <textarea data-testid="review-summary" value={summary} maxLength={SUMMARY_MAX} placeholder={t('summaryPlaceholder')} onChange={(e) => setSummary(e.target.value)} rows={2} />
      </label>
      {valid && destructive.length > 0 && (
        <label className="confirm-destructive destructive">
          <input type="checkbox" data-testid="review-confirm-destructive" checked={confirmed} onChange={(e) => setConfirmedFor(e.target.checked ? destructiveKey : undefined)} />{' '}
          {t('confirmDestructive', { count: destructive.length })}
        </label>
      )}
      <button type="button" className="primary" data-testid="review-publish" disabled={!ready} onClick={() => void run()}>
        {busy ? t('publishing') : t('publish')}
      </button>
      {!valid && <p className="hint">{t('publishBlocked')}</p>}
      {valid && destructive.length > 0 && !confirmed && <p className="hint">{t('confirmFirst')}</p>}
      {error && (
        <p role="alert" className="issue">
          {t('publishFailed', { message: error })}
        </p>
      )}
    </section>
  );
}
