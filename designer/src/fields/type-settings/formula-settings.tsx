import type { RuleType } from '../../../../engine/shared/rules/catalogue';
import { RuleEditor } from '../../rule-builder/rule-editor';
import type { SettingWidgetProps } from '../settings-form';
import { SettingRow, withSettings } from '../setting-row';
import { relativeIssues } from '../../draft/draft-types';

const RETURNS: readonly RuleType[] = ['number', 'string', 'boolean', 'date', 'datetime'];

/** A formula's expression, checked against the result type chosen in `returns`; no $user or $now (formulas are computed when read). */
export function FormulaExpression({ name, required, options, onChange, issues, object, testId }: SettingWidgetProps) {
  const returns = RETURNS.find((r) => r === options.returns);
  return (
    <SettingRow name={name} required={required} issues={[]} testId={testId}>
      <RuleEditor
        object={object}
        mode="expression"
        value={options[name]}
        onChange={(rule) => onChange(withSettings(options, { [name]: rule }))}
        expect={returns ? [returns] : undefined}
        allowContext={false}
        issues={relativeIssues(issues, `/${name}`)}
        testId={testId}
      />
    </SettingRow>
  );
}
