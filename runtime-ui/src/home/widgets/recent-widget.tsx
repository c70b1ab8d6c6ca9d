import { useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { ApiErrorView } from '../../shell/api-error-view';
import { useNavigation } from '../../shell/navigation';
import type { WidgetKind } from '../widget-types';

const SHOWN = 10;

interface RecentRecord {
  object: string;
  id: string;
  name: unknown;
  viewedAt: string;
}

/** The records the user opened last (GET /me/recent), newest first. */
function RecentRecords() {
  const { t, label, fmt } = useI18n();
  const recent = useApi<{ records: RecentRecord[] }>('/me/recent');
  const nav = useNavigation();
  const objects = new Map(nav.data?.objects.map((o) => [o.name, o]));
  if (recent.error) return <ApiErrorView error={recent.error} retry={recent.reload} />;
  if (!recent.data) return <p className="rp-muted">{t('common.loading')}</p>;
  if (recent.data.records.length === 0) return <p className="rp-muted">{t('home.widget.recent.empty')}</p>;
  return (
    <ul data-testid="recent-records">
      {recent.data.records.slice(0, SHOWN).map((r) => (
        <li key={`${r.object}:${r.id}`}>
          <span>
            <span className="rp-badge rp-badge-object">{label(objects.get(r.object)?.label, r.object)}</span>{' '}
            <Link to={`/app/o/${encodeURIComponent(r.object)}/${encodeURIComponent(r.id)}`}>{r.name == null || r.name === '' ? t('record.unnamed') : String(r.name)}</Link>
          </span>
          <time className="rp-muted" dateTime={r.viewedAt}>
            {fmt.datetime(r.viewedAt)}
          </time>
        </li>
      ))}
    </ul>
  );
}

export const recentWidget: WidgetKind = {
  kind: 'recent-records',
  title: 'home.widget.recent',
  defaultConfig: () => ({}),
  View: RecentRecords,
};
