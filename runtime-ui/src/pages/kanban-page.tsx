import { lazy, Suspense } from 'react';
import { useDescribe } from '../api/metadata';
import { useI18n } from '../i18n/i18n';
import { ApiErrorView } from '../shell/api-error-view';

// Loaded on first use, so the drag-and-drop library stays out of the first screen's bundle.
const KanbanBoard = lazy(() => import('../kanban/kanban-board').then((m) => ({ default: m.KanbanBoard })));

/** /app/o/:object/kanban?field=<picklist> — the object's records as cards in one column per picklist value. */
export function KanbanPage({ object }: { object: string }) {
  const { t } = useI18n();
  const describe = useDescribe(object);
  if (describe.error) return <ApiErrorView error={describe.error} retry={describe.reload} />;
  if (!describe.data) return <p>{t('common.loading')}</p>;
  return (
    <Suspense fallback={<p>{t('common.loading')}</p>}>
      <KanbanBoard describe={describe.data} />
    </Suspense>
  );
}
