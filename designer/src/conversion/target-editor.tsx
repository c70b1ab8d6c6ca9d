import type { RawConversion, RawConversionTarget } from '../../../engine/shared/metadata-types';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { useDraft } from '../draft/draft-store';
import { issuesUnder, relativeIssues, type DraftIssue } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { labelText, withLabelText } from '../i18n/label-text';
import { useText } from '../i18n/text';
import { writableFieldsOf } from './mapping-model';
import { MappingRow } from './mapping-row';
import { conversionMessages } from './messages';

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

interface TargetProps {
  source: string;
  conversion: RawConversion;
  index: number;
  /** The server's issues for this target (paths relative to it: /fields/email, /object …). */
  issues: DraftIssue[];
  onChange(next: RawConversionTarget): void;
  onRemove(): void;
}

/** One target: its key, object, label and flags, then a row per field it may fill. */
export function TargetEditor({ source, conversion, index: i, issues, onChange, onRemove }: TargetProps) {
  const t = useText(conversionMessages);
  const { label } = useI18n();
  const { snapshot } = useDraft();
  const target = conversion.targets[i]!;
  const fields = writableFieldsOf(snapshot, target.object);
  const rowIssues = (name: string) => [...relativeIssues(issues, `/fields/${escape(name)}`), ...relativeIssues(issues, `/links/${escape(name)}`)];
  // Issues not about one field's mapping (the object, the key, a required field left out) are shown at the top.
  const perField = new Set(fields.flatMap((f) => [...issuesUnder(issues, `/fields/${escape(f.name)}`), ...issuesUnder(issues, `/links/${escape(f.name)}`)]));
  const own = issues.filter((x) => !perField.has(x));
  const setLabel = (locale: 'en' | 'zh-CN', text: string) => onChange({ ...target, label: withLabelText(target.label, locale, text) });
  return (
    <li className="conv-target" data-testid={`conv-target-${i}`}>
      <header>
        <strong>{t('target', { n: i + 1 })}</strong>
        <label>
          <span>{t('key')}</span>
          <input value={target.key} spellCheck={false} onChange={(e) => onChange({ ...target, key: e.target.value })} data-testid={`conv-key-${i}`} />
        </label>
        <label>
          <span>{t('object')}</span>
          <select value={target.object} onChange={(e) => onChange({ ...target, object: e.target.value, fields: {}, links: {} })} data-testid={`conv-object-${i}`}>
            <option value="">{t('chooseObject')}</option>
            {Object.values(snapshot.objects)
              .filter((o) => o.name !== source)
              .map((o) => (
                <option key={o.name} value={o.name}>
                  {label(o.label, o.name)} ({o.name})
                </option>
              ))}
          </select>
        </label>
        <label>
          <span>{t('labelEn')}</span>
          <input value={labelText(target.label, 'en')} onChange={(e) => setLabel('en', e.target.value)} data-testid={`conv-label-en-${i}`} />
        </label>
        <label>
          <span>{t('labelZh')}</span>
          <input value={labelText(target.label, 'zh-CN')} onChange={(e) => setLabel('zh-CN', e.target.value)} data-testid={`conv-label-zh-${i}`} />
        </label>
        <label className="conv-flag">
          <input type="checkbox" checked={!!target.optional} onChange={(e) => onChange({ ...target, optional: e.target.checked })} data-testid={`conv-optional-${i}`} />
          {t('optional')}
        </label>
        <label className="conv-flag">
          <input type="checkbox" checked={!!target.allowExisting} onChange={(e) => onChange({ ...target, allowExisting: e.target.checked })} data-testid={`conv-existing-${i}`} />
          {t('allowExisting')}
        </label>
        <button type="button" className="link danger" onClick={onRemove} data-testid={`conv-remove-${i}`}>
          {t('remove')}
        </button>
      </header>
      <IssueList issues={own} testId={`conv-target-issues-${i}`} />
      {fields.length > 0 && (
        <table className="conv-mapping">
          <thead>
            <tr>
              <th>{t('targetField')}</th>
              <th>{t('sourceValue')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <MappingRow key={f.name} source={source} conversion={conversion} target={target} index={i} field={f} issues={rowIssues(f.name)} onChange={onChange} />
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
