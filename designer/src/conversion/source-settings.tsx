import type { RawConversion } from '../../../engine/shared/metadata-types';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { useDraft } from '../draft/draft-store';
import { relativeIssues, type DraftIssue } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { useText } from '../i18n/text';
import { RuleEditor } from '../rule-builder/rule-editor';
import { ruleTypeOfField } from '../rule-builder/rule-fields';
import { FieldOptions } from '../shell/field-options';
import { mappingWarning, writableFieldsOf } from './mapping-model';
import { conversionMessages } from './messages';

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
type Source = NonNullable<RawConversion['source']>;

/** What happens to the converted record: values set (expressions over it), its lookups pointed at the new records, read-only afterwards. */
export function SourceSettings({ object, conversion, issues, onChange }: { object: string; conversion: RawConversion; issues: DraftIssue[]; onChange(next: Source): void }) {
  const t = useText(conversionMessages);
  const { label } = useI18n();
  const { snapshot } = useDraft();
  const source: Source = conversion.source ?? {};
  const set = source.set ?? {};
  const links = source.links ?? {};
  const fields = writableFieldsOf(snapshot, object).filter((f) => f.name !== 'name');
  const lookups = fields.filter((f) => f.type === 'lookup' && conversion.targets.some((x) => x.object === f.options?.target));
  const setValue = (name: string, rule: unknown) => onChange({ ...source, set: { ...set, [name]: rule } });
  const unset = (name: string) => {
    const { [name]: _gone, ...rest } = set;
    onChange({ ...source, set: rest });
  };
  const free = fields.filter((f) => !(f.name in set) && !(f.name in links));
  return (
    <section className="conv-source" data-testid="conv-source">
      <h3>{t('source')}</h3>
      <h4>{t('set')}</h4>
      <table className="conv-mapping">
        <tbody>
          {Object.entries(set).map(([name, rule]) => {
            const f = fields.find((x) => x.name === name);
            const warning = f ? mappingWarning(snapshot, object, f, rule) : undefined;
            return (
              <tr key={name} data-testid={`conv-set-${name}`}>
                <th>
                  {f ? label(f.label, name) : name} <code>{name}</code>
                </th>
                <td>
                  <RuleEditor object={object} mode="expression" value={rule} allowContext {...(f ? { expect: [ruleTypeOfField(snapshot, f)] } : {})} onChange={(r) => setValue(name, r)} issues={relativeIssues(issues, `/set/${escape(name)}`)} testId={`conv-set-${name}-rule`} />
                  {warning && (
                    <p className="issue conv-warning" data-testid={`conv-set-${name}-warning`}>
                      {warning.kind === 'type' ? t('warnType', { got: warning.got, want: warning.want }) : t('warnInvalid', { message: warning.message })}
                    </p>
                  )}
                </td>
                <td>
                  <button type="button" className="link danger" onClick={() => unset(name)} data-testid={`conv-set-${name}-remove`}>
                    {t('remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <select value="" onChange={(e) => e.target.value && setValue(e.target.value, null)} data-testid="conv-set-add" aria-label={t('addSet')}>
        <option value="">{t('addSet')}</option>
        <FieldOptions fields={free} />
      </select>
      <h4>{t('sourceLinks')}</h4>
      <table className="conv-mapping">
        <tbody>
          {lookups.map((f) => (
            <tr key={f.name}>
              <th>
                {label(f.label, f.name)} <code>{f.name}</code>
              </th>
              <td>
                <select
                  value={links[f.name] ?? ''}
                  onChange={(e) => {
                    const { [f.name]: _old, ...rest } = links;
                    onChange({ ...source, links: e.target.value ? { ...rest, [f.name]: e.target.value } : rest });
                  }}
                  data-testid={`conv-source-link-${f.name}`}
                >
                  <option value="">{t('noLink')}</option>
                  {conversion.targets
                    .filter((x) => x.object === f.options?.target)
                    .map((x) => (
                      <option key={x.key} value={x.key}>
                        {t('linkTo', { target: label(x.label, x.key) })}
                      </option>
                    ))}
                </select>
                <IssueList issues={relativeIssues(issues, `/links/${escape(f.name)}`)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="conv-flag">
        <input type="checkbox" checked={source.readOnly ?? true} onChange={(e) => onChange({ ...source, readOnly: e.target.checked })} data-testid="conv-read-only" />
        {t('readOnly')}
      </label>
    </section>
  );
}
