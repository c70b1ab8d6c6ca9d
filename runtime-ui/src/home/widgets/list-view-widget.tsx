import type { Describe, FieldDef } from '../../api/describe';
import { useDescribe } from '../../api/metadata';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { ApiErrorView } from '../../shell/api-error-view';
import { useSession } from '../../shell/session';
import { effectiveLayout } from '../../record/page-layout';
import type { WidgetKind, WidgetSettingsProps } from '../widget-types';
import { configString, ObjectSelect } from './object-select';
import { RecordRows } from './record-rows';

const COLUMNS = 2;

/** The object's list views this user may use: shared ones and their own personal ones. */
export function usableViews(describe: Describe, userId: string | undefined): Describe['object']['listViews'] {
  return describe.object.listViews.filter((v) => v.visibility?.type !== 'personal' || v.visibility.owner === userId);
}


/** A saved list view's first rows (or the object's newest records when no view is chosen). */
function ListViewRows({ config }: { config: Record<string, unknown> }) {
  const { t, label } = useI18n();
  const object = configString(config, 'object');
  const view = configString(config, 'view');
  const describe = useDescribe(object ?? null);
  if (!object) return <p className="rp-muted">{t('home.widget.pickObject')}</p>;
  if (describe.error) return <ApiErrorView error={describe.error} retry={describe.reload} />;
  if (!describe.data) return <p className="rp-muted">{t('common.loading')}</p>;
  const d = describe.data;
  const def = d.object.listViews.find((v) => v.name === view);
  const fields = new Map(d.object.fields.map((f) => [f.name, f]));
  const columns = (def?.columns ?? effectiveLayout(d).headerFields)
    .filter((c) => c !== 'name' && fields.has(c))
    .slice(0, COLUMNS)
    .map((c) => fields.get(c)!) as FieldDef[];
  const fieldParam = `&fields=${['id', 'name', ...columns.map((c) => c.name)].join(',')}`;
  const base = `/app/o/${encodeURIComponent(object)}`;
  const allTo = view ? `${base}?view=${encodeURIComponent(view)}` : base;
  return (
    <>
      <p className="hp-subtitle">
        <Link to={allTo}>
          {label(d.object.pluralLabel, object)} · {def ? label(def.label, def.name) : t('home.widget.listView.allRecords')}
        </Link>
      </p>
      <RecordRows object={object} query={`${view ? `&view=${encodeURIComponent(view)}` : '&sort=-updated_at'}${fieldParam}`} columns={columns} empty={t('home.widget.listView.empty')} allTo={allTo} />
    </>
  );
}

function ListViewSettings({ config, onChange }: WidgetSettingsProps) {
  const { t, label } = useI18n();
  const { me } = useSession();
  const object = configString(config, 'object');
  const describe = useDescribe(object ?? null);
  return (
    <>
      <ObjectSelect value={object} onChange={(o) => onChange({ object: o })} />
      {object && (
        <label>
          {t('home.widget.view')}
          <select value={configString(config, 'view') ?? ''} onChange={(e) => onChange({ ...config, view: e.target.value || undefined })} data-testid="widget-view">
            <option value="">{t('home.widget.listView.allRecords')}</option>
            {describe.data &&
              usableViews(describe.data, me?.id).map((v) => (
                <option key={v.name} value={v.name}>
                  {label(v.label, v.name)}
                </option>
              ))}
          </select>
        </label>
      )}
    </>
  );
}

export const listViewWidget: WidgetKind = {
  kind: 'list-view',
  title: 'home.widget.listView',
  defaultConfig: () => ({}),
  needsSettings: (config) => !configString(config, 'object'),
  View: ListViewRows,
  Settings: ListViewSettings,
};
