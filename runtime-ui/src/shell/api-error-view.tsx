import type { ApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n';

/** A refused or failed request, said plainly, with a retry. */
export function ApiErrorView({ error, retry }: { error: ApiError; retry?: () => void }) {
  const { t } = useI18n();
  const text = error.status === 0 ? t('error.network') : error.status === 401 ? t('error.sessionExpired') : error.status >= 500 ? t('error.server', { code: error.code }) : error.message;
  return (
    <div role="alert" className="api-error">
      <span>{text}</span>
      {retry && (
        <button type="button" onClick={retry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
