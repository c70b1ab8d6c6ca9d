import { AutonumberFormatInput } from '../autonumber-sample';
import type { SettingWidgetProps } from '../settings-form';
import { SettingRow, withSettings } from '../setting-row';

/** An autonumber field's format, with its first number today. */
export function AutonumberFormat({ name, required, options, onChange, issues, testId }: SettingWidgetProps) {
  return (
    <SettingRow name={name} required={required} issues={issues} testId={testId}>
      <AutonumberFormatInput value={typeof options[name] === 'string' ? (options[name] as string) : ''} onChange={(v) => onChange(withSettings(options, { [name]: v || undefined }))} testId={testId} />
    </SettingRow>
  );
}
