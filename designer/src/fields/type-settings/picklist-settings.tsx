import type { RawPicklistValue } from '../../../../engine/shared/metadata-types';
import { useI18n } from '../../../../runtime-ui/src/i18n/i18n';
import { Link } from '../../../../runtime-ui/src/router/router';
import { useDraft } from '../../draft/draft-store';
import { useText } from '../../i18n/text';
import { DependencyEditor } from '../../picklists/dependency-editor';
import { PicklistValuesEditor } from '../../picklists/picklist-values-editor';
import { issuesUnder } from '../../draft/draft-types';
import { IssueList } from '../../draft/issue-list';
import { fieldMessages } from '../messages';
import type { SettingWidgetProps } from '../settings-form';
import { SettingRow, withSettings } from '../setting-row';

/** A picklist's values: its own list, or a shared value set (exactly one of the two). */
export function PicklistValues({ options, onChange, issues, object, field, testId }: SettingWidgetProps) {
  const t = useText(fieldMessages);
  const { label } = useI18n();
  const { snapshot, published } = useDraft();
  const valueSets = Object.values(snapshot.valueSets).sort((a, b) => a.name.localeCompare(b.name));
  // Published values keep their API value (records hold it); values added since can still be renamed or removed.
  const publishedOptions = published?.snapshot.objects[object]?.fields.find((f) => f.name === field.name)?.options;
  const publishedValues = Array.isArray(publishedOptions?.values) ? (publishedOptions.values as RawPicklistValue[]).map((v) => v.value) : [];
  const shared = typeof options.valueSet === 'string';
  const values = Array.isArray(options.values) ? (options.values as RawPicklistValue[]) : [];
  return (
    <div className="picklist-settings">
      <div className="choice-list" role="radiogroup">
        <label>
          <input type="radio" name={`${testId}-source`} checked={!shared} onChange={() => onChange(withSettings(options, { valueSet: undefined, values: [] }))} data-testid={`${testId}-source-own`} />
          {t('ownValues')}
        </label>
        <label>
          <input
            type="radio"
            name={`${testId}-source`}
            checked={shared}
            onChange={() => onChange(withSettings(options, { values: undefined, valueSet: valueSets[0]?.name ?? '' }))}
            data-testid={`${testId}-source-shared`}
          />
          {t('sharedValues')}
        </label>
      </div>
      {shared ? (
        <SettingRow name="valueSet" required issues={issues} testId="setting-valueSet" hint={options.valueSet ? <Link to={`/designer/value-sets/${String(options.valueSet)}`}>{t('openValueSet')}</Link> : undefined}>
          <select value={String(options.valueSet)} onChange={(e) => onChange(withSettings(options, { valueSet: e.target.value }))} data-testid="setting-valueSet">
            <option value="">{t('chooseValueSet')}</option>
            {valueSets.map((vs) => (
              <option key={vs.name} value={vs.name}>
                {label(vs.label, vs.name)} ({vs.name})
              </option>
            ))}
          </select>
        </SettingRow>
      ) : (
        <SettingRow name="values" required issues={issues.filter((i) => i.path === '/values')} testId={testId}>
          <PicklistValuesEditor values={values} onChange={(v) => onChange(withSettings(options, { values: v }))} issues={issuesUnder(issues, '/values')} issuePrefix="/values" publishedValues={publishedValues} />
        </SettingRow>
      )}
    </div>
  );
}

/** The dependency on a controlling field (controllingField + dependencies, edited together). */
export function PicklistDependency({ options, onChange, issues, object, field, testId }: SettingWidgetProps) {
  const t = useText(fieldMessages);
  return (
    <fieldset className="picklist-dependency" data-testid={testId}>
      <legend>{t('dependency')}</legend>
      <DependencyEditor object={object} field={field} onChange={(next) => onChange(withSettings(options, { controllingField: next.controllingField, dependencies: next.dependencies }))} />
      <IssueList issues={[...issuesUnder(issues, '/controllingField'), ...issuesUnder(issues, '/dependencies')]} testId={`${testId}-issues`} />
    </fieldset>
  );
}

/** Rendered by another widget of the same settings. */
export const Hidden = () => null;
