import type { ApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { ApiErrorView } from '../shell/api-error-view';

/**
 * Why a record (or object) cannot be shown: a 404 or 403 said plainly with a
 * way back; anything else (network, 500) with a retry.
 */
export function RecordUnavailable({ error, back, retry }: { error: ApiError; back: { to: string; label: string }; retry?: () => void }) {
  const { t } = useI18n();
  if (error.status !== 404 && error.status !== 403) return <ApiErrorView error={error} retry={retry} />;
  return (
    <section className="rp-unavailable" role="alert" data-testid="record-unavailable">
      <h1>{error.status === 404 ? t('record.notFound') : t('record.forbidden')}</h1>
      <p>{error.status === 404 ? t('record.notFoundHint') : t('record.forbiddenHint')}</p>
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
    </section>
  );
}
