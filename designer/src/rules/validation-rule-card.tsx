import type { RawField, RawValidationRule } from '../../../engine/shared/metadata-types';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { issuesUnder, relativeIssues, type DraftIssue } from '../draft/draft-types';
import { labelText } from '../i18n/label-text';
import { useText } from '../i18n/text';
import { RuleEditor } from '../rule-builder/rule-editor';
import { rulesMessages } from './messages';
import { nameProblem } from './rule-names';

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
  const { label } = useI18n();
  const rule = rules[i]!;
  const problem = nameProblem(rules, i);
  const msg = messageParts(rule.message);
  // Both locales are always written, blank ones too: a rule needs its message in each, and the server names the missing one.
  const setMessage = (en: string, zh: string) => onChange({ ...rule, message: { en, 'zh-CN': zh } });
  const conditionIssues = relativeIssues(issues, '/condition');
  const underCondition = new Set(issuesUnder(issues, '/condition'));
  const otherIssues = issues.filter((x) => !underCondition.has(x));
  return (
    <li className={`rules-card${rule.active === false ? ' rules-inactive' : ''}`} data-testid={`rules-card-${i}`}>
      <header>
        <strong>{t('rule', { n: i + 1 })}</strong>
        <label>
          <span>{t('name')}</span>
          <input data-testid={`rules-name-${i}`} value={rule.name} spellCheck={false} aria-invalid={!!problem} onChange={(e) => onChange({ ...rule, name: e.target.value })} />
        </label>
        <label className="rules-active">
          <input type="checkbox" data-testid={`rules-active-${i}`} checked={rule.active !== false} onChange={(e) => onChange({ ...rule, active: e.target.checked })} />
          {t('active')}
        </label>
        <span className="rules-actions">
          <button type="button" className="link" data-testid={`rules-up-${i}`} disabled={i === 0} onClick={() => onMove(-1)}>
            {t('up')}
          </button>
          <button type="button" className="link" data-testid={`rules-down-${i}`} disabled={i === rules.length - 1} onClick={() => onMove(1)}>
            {t('down')}
          </button>
          <button type="button" className="link danger" data-testid={`rules-remove-${i}`} onClick={onRemove}>
            {t('remove')}
          </button>
        </span>
      </header>
      {problem && (
        <p className="issue" data-testid={`rules-name-problem-${i}`}>
          {t(problem)}
        </p>
      )}
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
          {rule.errorField && !fields.some((f) => f.name === rule.errorField) && <option value={rule.errorField}>{rule.errorField} (?)</option>}
          {fields.map((f) => (
            <option key={f.name} value={f.name}>
              {label(f.label, f.name)} ({f.name})
            </option>
          ))}
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
