import type { RawObjectDef, RawSnapshot } from '../../../../engine/shared/metadata-types';
import { useI18n } from '../../../../runtime-ui/src/i18n/i18n';
import { useDraft } from '../../draft/draft-store';
import { useText } from '../../i18n/text';
import { RuleEditor } from '../../rule-builder/rule-editor';
import { fieldMessages } from '../messages';
import type { SettingWidgetProps } from '../settings-form';
import { SettingRow, withSettings } from '../setting-row';
import { relativeIssues } from '../../draft/draft-types';

/** Lookups on other objects (or this one) that point at `object`: the child records a roll-up can summarize. */
export function childRelations(snapshot: RawSnapshot, object: string): { relation: string; child: RawObjectDef; field: string }[] {
  return Object.values(snapshot.objects).flatMap((child) =>
    child.fields.filter((f) => f.type === 'lookup' && f.options?.target === object).map((f) => ({ relation: `${child.name}.${f.name}`, child, field: f.name })),
  );
}

const NUMERIC = ['integer', 'number', 'currency', 'percent'];
const ORDERED = [...NUMERIC, 'date', 'datetime'];

/** The child object of a relation "<child>.<lookup>". */
const childOf = (snapshot: RawSnapshot, relation: unknown): RawObjectDef | undefined => (typeof relation === 'string' ? snapshot.objects[relation.split('.')[0]!] : undefined);

export function RollupRelation({ name, required, options, onChange, issues, object, testId }: SettingWidgetProps) {
  const t = useText(fieldMessages);
  const { label } = useI18n();
  const relations = childRelations(useDraft().snapshot, object);
  const value = typeof options[name] === 'string' ? (options[name] as string) : '';
  return (
    <SettingRow name={name} required={required} issues={issues} testId={testId} hint={relations.length ? undefined : t('noChildRelations')}>
      <select value={value} onChange={(e) => onChange(withSettings(options, { [name]: e.target.value || undefined, field: undefined, filter: undefined }))} data-testid={testId}>
        <option value="">{t('chooseRelation')}</option>
        {value && !relations.some((r) => r.relation === value) && <option value={value}>{value}</option>}
        {relations.map((r) => (
          <option key={r.relation} value={r.relation}>
            {label(r.child.pluralLabel ?? r.child.label, r.child.name)} · {label(r.child.fields.find((f) => f.name === r.field)?.label, r.field)} ({r.relation})
          </option>
        ))}
      </select>
    </SettingRow>
  );
}

/** The child field summarized: numbers for sum and average, numbers and dates for min and max; none for count. */
export function RollupField({ name, options, onChange, issues, testId }: SettingWidgetProps) {
  const t = useText(fieldMessages);
  const { label } = useI18n();
  const child = childOf(useDraft().snapshot, options.relation);
  if (options.function === 'count' || options.function === undefined) return null;
  const allowed = options.function === 'sum' || options.function === 'avg' ? NUMERIC : ORDERED;
  const fields = (child?.fields ?? []).filter((f) => allowed.includes(f.type) || (f.type === 'formula' && allowed.includes(String(f.options?.returns))));
  return (
    <SettingRow name={name} required issues={issues} testId={testId}>
      <select value={typeof options[name] === 'string' ? (options[name] as string) : ''} onChange={(e) => onChange(withSettings(options, { [name]: e.target.value || undefined }))} data-testid={testId}>
        <option value="">{child ? t('chooseField') : t('chooseRelationFirst')}</option>
        {fields.map((f) => (
          <option key={f.name} value={f.name}>
            {label(f.label, f.name)} ({f.name})
          </option>
        ))}
      </select>
    </SettingRow>
  );
}

/** Which child records count, as a condition over the child's fields (compiled to SQL: no $user or $now). */
export function RollupFilter({ name, options, onChange, issues, testId }: SettingWidgetProps) {
  const t = useText(fieldMessages);
  const child = childOf(useDraft().snapshot, options.relation);
  const on = options[name] !== undefined;
  return (
    <SettingRow name={name} issues={[]} testId={testId}>
      <label>
        <input type="checkbox" checked={on} disabled={!child} onChange={(e) => onChange(withSettings(options, { [name]: e.target.checked ? true : undefined }))} data-testid={`${testId}-toggle`} />
        {t('rollupFilterToggle')}
      </label>
      {on && child && (
        <RuleEditor
          object={child.name}
          mode="condition"
          value={options[name] === true ? undefined : options[name]}
          onChange={(rule) => onChange(withSettings(options, { [name]: rule ?? true }))}
          expect={['boolean']}
          allowContext={false}
          issues={relativeIssues(issues, `/${name}`)}
          testId={testId}
        />
      )}
    </SettingRow>
  );
}
