import type { FieldDef } from '../../api/describe';
import { useDescribe } from '../../api/metadata';
import { useI18n } from '../../i18n/i18n';
import { ApiErrorView } from '../../shell/api-error-view';
import { picklistValues } from '../../widgets/picklist-options';
import type { WidgetKind, WidgetSettingsProps } from '../widget-types';
import { configString, ObjectSelect } from './object-select';
import { RecordRows } from './record-rows';

const DATE_TYPES = new Set(['date', 'datetime']);

/** The chosen status values (strings only). */
export const statusValues = (config: Record<string, unknown>): string[] => (Array.isArray(config.statusValues) ? config.statusValues.filter((v): v is string => typeof v === 'string') : []);

/**
 * The widget's filter: records the user owns, and — when the settings name
 * a picklist and some of its values — only those with one of the values.
 */
export function myOpenFilter(config: Record<string, unknown>): unknown {
  const mine = { '==': [{ var: 'owner_id' }, { var: '$user.id' }] };
  const field = configString(config, 'statusField');
  const values = statusValues(config);
  return field && values.length ? { and: [mine, { in: [{ var: field }, values] }] } : mine;
}

/** The date that orders the list: the object's first own date or date-time field (soonest first). */
export function dueField(fields: FieldDef[]): FieldDef | undefined {
  return fields.find((f) => !f.system && DATE_TYPES.has(f.type));
}

function MyOpenRecords({ config }: { config: Record<string, unknown> }) {
  const { t, label } = useI18n();
  const object = configString(config, 'object');
  const describe = useDescribe(object ?? null);
  if (!object) return <p className="rp-muted">{t('home.widget.pickObject')}</p>;
  if (describe.error) return <ApiErrorView error={describe.error} retry={describe.reload} />;
  if (!describe.data) return <p className="rp-muted">{t('common.loading')}</p>;
  const fields = describe.data.object.fields;
  const due = dueField(fields);
  const status = fields.find((f) => f.name === configString(config, 'statusField'));
  const columns = [due, status].filter((f): f is FieldDef => f !== undefined);
  const filter = JSON.stringify(myOpenFilter(config));
  const sort = due ? `${due.name},-created_at` : '-created_at';
  const query = `&filter=${encodeURIComponent(filter)}&sort=${sort}&fields=${['id', 'name', ...columns.map((c) => c.name)].join(',')}`;
  return (
    <>
      <p className="hp-subtitle">{label(describe.data.object.pluralLabel, object)}</p>
      <RecordRows object={object} query={query} columns={columns} empty={t('home.widget.myOpen.empty')} allTo={`/app/o/${encodeURIComponent(object)}?filter=${encodeURIComponent(filter)}`} />
    </>
  );
}

function MyOpenSettings({ config, onChange }: WidgetSettingsProps) {
  const { t, label } = useI18n();
  const object = configString(config, 'object');
  const describe = useDescribe(object ?? null);
  const picklists = describe.data?.object.fields.filter((f) => f.type === 'picklist') ?? [];
  const field = picklists.find((f) => f.name === configString(config, 'statusField'));
  const chosen = new Set(statusValues(config));
  const values = field ? picklistValues(field) : [];
  const toggle = (v: string) => onChange({ ...config, statusValues: values.map((x) => x.value).filter((x) => (x === v ? !chosen.has(x) : chosen.has(x))) });
  return (
    <>
      <ObjectSelect value={object} onChange={(o) => onChange({ object: o })} />
      {describe.error && <ApiErrorView error={describe.error} retry={describe.reload} />}
      {object && describe.data && (
        <label>
          {t('home.widget.statusField')}
          <select value={field?.name ?? ''} onChange={(e) => onChange({ object, statusField: e.target.value || undefined, statusValues: [] })} data-testid="widget-status-field">
            <option value="">{t('home.widget.anyStatus')}</option>
            {picklists.map((f) => (
              <option key={f.name} value={f.name}>
                {label(f.label, f.name)}
              </option>
            ))}
          </select>
        </label>
      )}
      {field && (
        <fieldset className="hp-values">
          <legend>{t('home.widget.statusValues')}</legend>
          {values.map((v) => (
            <label key={v.value} className="hp-check">
              <input type="checkbox" checked={chosen.has(v.value)} onChange={() => toggle(v.value)} />
              {label(v.label, v.value)}
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}

export const myOpenWidget: WidgetKind = {
  kind: 'my-open-records',
  title: 'home.widget.myOpen',
  defaultConfig: () => ({}),
  needsSettings: (config) => !configString(config, 'object'),
  View: MyOpenRecords,
  Settings: MyOpenSettings,
};
