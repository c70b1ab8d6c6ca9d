import { useEffect, useState } from 'react';
import type { ImportJob } from '../../../engine/shared/api/imports';
import { useI18n } from '../i18n/i18n';
import { readImport, rejectedHref } from './import-api';

const RESTING = new Set(['done', 'failed', 'cancelled', 'ready', 'uploaded']);

/** Polls GET /imports/:id every `everyMs` while the job runs; answers the latest state. */
export function useImportJob(object: string, initial: ImportJob, everyMs = 700): ImportJob {
  const [job, setJob] = useState(initial);
  useEffect(() => setJob(initial), [initial]);
  useEffect(() => {
    if (RESTING.has(job.status)) return;
    const timer = setTimeout(() => void readImport(object, job.id).then(setJob, () => undefined), everyMs);
    return () => clearTimeout(timer);
  }, [object, job, everyMs]);
  return job;
}

/** The progress bar and, when finished, the counts and the rejected rows' download. */
export function ImportProgress({ object, job, onCancel }: { object: string; job: ImportJob; onCancel(): void }) {
  const { t } = useI18n();
  const pct = job.total ? Math.round((job.processed / job.total) * 100) : 0;
  return (
    <section className="imp-progress" data-testid="import-progress">
      <progress max={job.total || 1} value={job.processed} aria-label={t('import.progress')} />
      <p>
        {t('import.processed', { n: job.processed, total: job.total, pct })} · {t(`import.status.${job.status}`)}
      </p>
      {(job.status === 'running' || job.status === 'validating') && (
        <button type="button" onClick={onCancel} data-testid="import-cancel">
          {t('import.cancel')}
        </button>
      )}
      {job.status === 'done' && (
        <p data-testid="import-result">{t('import.result', { inserted: job.inserted, updated: job.updated, rejected: job.rejected })}</p>
      )}
      {job.status === 'failed' && job.message && <p role="alert">{job.message}</p>}
      {job.rejected > 0 && job.status !== 'running' && (
        <a href={rejectedHref(object, job.id)} download={`${object}-rejected.csv`} data-testid="import-rejected">
          {t('import.downloadRejected', { n: job.rejected })}
        </a>
      )}
    </section>
  );
}
