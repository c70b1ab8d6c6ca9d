import type { RawField, RawValidationRule } from '../../../engine/shared/metadata-types';
import { issuesUnder, relativeIssues, type DraftIssue } from '../draft/draft-types';
import { labelText } from '../i18n/label-text';
import { useText } from '../i18n/text';
import { RuleEditor } from '../rule-builder/rule-editor';
import { rulesMessages } from './messages';
import { FieldOptions } from '../shell/field-options';
import { RuleCardHeader } from '../shell/rule-card-header';

interface CardProps {
  object: string;
  rules: RawValidationRule[];
  index: number;
  /** The fields a message may be shown at. */
  fields: RawField[];
  /** The server's issues for this rule, paths relative to it (/condition/==/0, /errorField…). */
  issues: DraftIssue[];
  onChange(rule: RawValidationRule): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}

/** A rule's message in each locale; a plain-string message reads as every locale's text. */
const messageParts = (m: RawValidationRule['message']) => ({ en: labelText(m, 'en', 'every-locale'), zh: labelText(m, 'zh-CN', 'every-locale') });

/** One validation rule: name, condition (the visual builder), message in each locale, error field, active. */
export function ValidationRuleCard({ object, rules, index: i, fields, issues, onChange, onMove, onRemove }: CardProps) {
  const t = useText(rulesMessages);
  const rule = rules[i]!;
  const msg = messageParts(rule.message);
  // Both locales are always written, blank ones too: a rule needs its message in each, and the server names the missing one.
  const setMessage = (en: string, zh: string) => onChange({ ...rule, message: { en, 'zh-CN': zh } });
  const conditionIssues = relativeIssues(issues, '/condition');
  const underCondition = new Set(issuesUnder(issues, '/condition'));
  const otherIssues = issues.filter((x) => !underCondition.has(x));
  return (
    <li className={`rules-card${rule.active === false ? ' rules-inactive' : ''}`} data-testid={`rules-card-${i}`}>
      <RuleCardHeader prefix="rules" rules={rules} index={i} onName={(name) => onChange({ ...rule, name })} onActive={(active) => onChange({ ...rule, active })} onMove={onMove} onRemove={onRemove} />
      <div className="rules-condition">
        <h3>{t('condition')}</h3>
        <p className="rules-help">{t('conditionHelp')}</p>
        <RuleEditor object={object} mode="condition" value={rule.condition} onChange={(condition) => onChange({ ...rule, condition })} expect={['boolean']} allowContext issues={conditionIssues} testId={`rules-condition-${i}`} />
      </div>
      <fieldset className="rules-message">
        <legend>{t('message')}</legend>
        <label>
          <span>{t('messageEn')}</span>
          <input data-testid={`rules-message-en-${i}`} lang="en" value={msg.en} onChange={(e) => setMessage(e.target.value, msg.zh)} />
        </label>
        <label>
          <span>{t('messageZh')}</span>
          <input data-testid={`rules-message-zh-${i}`} lang="zh-CN" value={msg.zh} onChange={(e) => setMessage(msg.en, e.target.value)} />
        </label>
        {(!msg.en.trim() || !msg.zh.trim()) && <small className="rules-hint">{t('messageMissing')}</small>}
      </fieldset>
      <label className="rules-error-field">
        <span>{t('errorField')}</span>
        <select
          data-testid={`rules-error-field-${i}`}
          value={rule.errorField ?? ''}
          onChange={(e) => {
            const { errorField: _old, ...rest } = rule;
            onChange(e.target.value ? { ...rest, errorField: e.target.value } : rest);
          }}
        >
          <option value="">{t('errorFieldNone')}</option>
          <FieldOptions fields={fields} current={rule.errorField} />
        </select>
      </label>
      {otherIssues.length > 0 && (
        <ul className="issue-list" data-testid={`rules-issues-${i}`}>
          {otherIssues.map((x, n) => (
            <li key={n} className="issue" role="alert">
              {x.code && <code>{x.code}</code>}
              {x.message} <code>{x.path || '/'}</code>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
