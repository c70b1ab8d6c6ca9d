import { useI18n } from '../i18n/i18n';
import type { SaveFailure } from './server-issues';

/**
 * What a failed save says above the form. A conflict offers reload (theirs)
 * or keep mine; a network fault, a server fault or an expired session says
 * so plainly and offers a retry; the typed values are never touched.
 */
export function FormNotices({ failure, busy, onRetry, onReload, onKeepMine }: { failure?: SaveFailure; busy: boolean; onRetry(): void; onReload(): void; onKeepMine(): void }) {
  const { t } = useI18n();
  if (!failure) return null;
  if (failure.kind === 'conflict') {
    return (
      <div role="alert" className="tf-banner tf-conflict" data-testid="form-conflict">
        <span>{t('form.conflict.title')}</span>
        <div className="tf-banner-actions">
          <button type="button" disabled={busy} onClick={onReload} data-testid="conflict-reload">
            {t('form.conflict.reload')}
          </button>
          <button type="button" disabled={busy} onClick={onKeepMine} data-testid="conflict-keep-mine">
            {t('form.conflict.keepMine')}
          </button>
        </div>
      </div>
    );
  }
  const text = failure.kind === 'offline' ? t('error.network') : failure.kind === 'session' ? t('error.sessionExpired') : failure.kind === 'server' ? t('error.server', { code: failure.code ?? '500' }) : undefined;
  if (!text) return null;
  return (
    <div role="alert" className="tf-banner tf-fault" data-testid="form-fault">
      <span>{text}</span>
      <button type="button" disabled={busy} onClick={onRetry}>
        {t('error.retry')}
      </button>
    </div>
  );
}
