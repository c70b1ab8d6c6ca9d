import { useI18n } from '../../../../runtime-ui/src/i18n/i18n';
import { useDraft } from '../../draft/draft-store';
import { useText } from '../../i18n/text';
import { fieldMessages } from '../messages';
import type { SettingWidgetProps } from '../settings-form';
import { SettingRow, withSettings } from '../setting-row';
import { choiceName } from '../settings-text';

/** The object a lookup points at: any object of the draft, this one included (a hierarchy). */
export function LookupTarget({ name, required, options, onChange, issues, testId }: SettingWidgetProps) {
  const t = useText(fieldMessages);
  const { label } = useI18n();
  const objects = Object.values(useDraft().snapshot.objects).sort((a, b) => a.name.localeCompare(b.name));
  const value = typeof options[name] === 'string' ? (options[name] as string) : '';
  return (
    <SettingRow name={name} required={required} issues={issues} testId={testId}>
      <select value={value} onChange={(e) => onChange(withSettings(options, { [name]: e.target.value || undefined }))} data-testid={testId}>
        <option value="">{t('chooseObject')}</option>
        {value && !objects.some((o) => o.name === value) && <option value={value}>{value}</option>}
        {objects.map((o) => (
          <option key={o.name} value={o.name}>
            {label(o.label, o.name)} ({o.name})
          </option>
        ))}
      </select>
    </SettingRow>
  );
}

const ON_DELETE = ['restrict', 'setNull', 'cascade'] as const;
const EXPLAIN = { restrict: 'onDeleteRestrict', setNull: 'onDeleteSetNull', cascade: 'onDeleteCascade' } as const;

/** What happens to records pointing at a deleted record, each choice explained in one line. */
export function LookupOnDelete({ name, options, onChange, issues, testId }: SettingWidgetProps) {
  const t = useText(fieldMessages);
  const { locale } = useI18n();
  const value = typeof options[name] === 'string' ? options[name] : 'restrict';
  return (
    <SettingRow name={name} issues={issues} testId={testId}>
      <div className="choice-list" role="radiogroup">
        {ON_DELETE.map((v) => (
          <label key={v}>
            <input type="radio" name={testId} checked={value === v} onChange={() => onChange(withSettings(options, { [name]: v === 'restrict' ? undefined : v }))} data-testid={`${testId}-${v}`} />
            <strong>{choiceName(locale, v)}</strong> — {t(EXPLAIN[v])}
          </label>
        ))}
      </div>
    </SettingRow>
  );
}
