import { useDescribe } from '../api/metadata';
import { useI18n } from '../i18n/i18n';
import { ListView } from '../list/list-view';
import { ApiErrorView } from '../shell/api-error-view';

/** /app/o/:object — the object's list, generated from its describe. */
export function ListPage({ object }: { object: string }) {
  const { t } = useI18n();
  const describe = useDescribe(object);
  if (describe.error) return <ApiErrorView error={describe.error} retry={describe.reload} />;
  if (!describe.data) return <p>{t('common.loading')}</p>;
  return <ListView describe={describe.data} />;
}
