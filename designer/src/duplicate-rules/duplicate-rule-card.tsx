import type { MatchMethod, RawDuplicateRule } from '../../../engine/shared/metadata-types';
import { issuesUnder, relativeIssues, type DraftIssue } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { labelText } from '../i18n/label-text';
import { useText } from '../i18n/text';
import { RuleCardHeader } from '../shell/rule-card-header';
import { freshName } from '../shell/rule-names';
import { duplicateMessages } from './messages';

export const METHODS: MatchMethod[] = ['exact', 'normalized', 'phone', 'company', 'fuzzy'];
/** The threshold a new fuzzy condition starts with (the engine's default). */
const DEFAULT_THRESHOLD = 0.6;

/** A fresh rule: a free name, a warning on the record name compared case- and space-insensitively. */
export function newDuplicateRule(rules: RawDuplicateRule[]): RawDuplicateRule {
  return { name: freshName(rules, 'rule'), label: { en: '', 'zh-CN': '' }, active: true, action: 'warn', conditions: [{ field: 'name', method: 'normalized' }] };
}

interface CardProps {
  rules: RawDuplicateRule[];
  index: number;
  /** Fields a condition may name: [name, label]. */
  fields: [string, string][];
  /** The server's issues for this rule, paths relative to it. */
  issues: DraftIssue[];
  onChange(rule: RawDuplicateRule): void;
  onRemove(): void;
}

/** One duplicate rule: name, labels, action, active, conditions (field, method, threshold for fuzzy). */
export function DuplicateRuleCard({ rules, index: i, fields, issues, onChange, onRemove }: CardProps) {
  const t = useText(duplicateMessages);
  const rule = rules[i]!;
  const label = { en: labelText(rule.label, 'en', 'every-locale'), zh: labelText(rule.label, 'zh-CN', 'every-locale') };
  const underConditions = new Set(issuesUnder(issues, '/conditions'));
  const conditionsIssues = issues.filter((x) => x.path === '/conditions');
  const setCondition = (j: number, c: RawDuplicateRule['conditions'][number]) => onChange({ ...rule, conditions: rule.conditions.map((x, k) => (k === j ? c : x)) });
  return (
    <li className={`rules-card${rule.active === false ? ' rules-inactive' : ''}`} data-testid={`dup-card-${i}`}>
      <RuleCardHeader prefix="dup" rules={rules} index={i} onName={(name) => onChange({ ...rule, name })} onActive={(active) => onChange({ ...rule, active })} onRemove={onRemove} />
      <fieldset className="rules-message">
        <label>
          <span>{t('labelEn')}</span>
          <input data-testid={`dup-label-en-${i}`} lang="en" value={label.en} onChange={(e) => onChange({ ...rule, label: { en: e.target.value, 'zh-CN': label.zh } })} />
        </label>
        <label>
          <span>{t('labelZh')}</span>
          <input data-testid={`dup-label-zh-${i}`} lang="zh-CN" value={label.zh} onChange={(e) => onChange({ ...rule, label: { en: label.en, 'zh-CN': e.target.value } })} />
        </label>
        <label>
          <span>{t('action')}</span>
          <select data-testid={`dup-action-${i}`} value={rule.action} onChange={(e) => onChange({ ...rule, action: e.target.value as RawDuplicateRule['action'] })}>
            <option value="block">{t('block')}</option>
            <option value="warn">{t('warn')}</option>
          </select>
        </label>
      </fieldset>
      <h3>{t('conditions')}</h3>
      <ol className="dup-conditions">
        {rule.conditions.map((c, j) => (
          <li key={j} data-testid={`dup-condition-${i}-${j}`}>
            <label>
              <span>{t('field')}</span>
              <select data-testid={`dup-field-${i}-${j}`} value={c.field} onChange={(e) => setCondition(j, { ...c, field: e.target.value })}>
                {!fields.some(([n]) => n === c.field) && <option value={c.field}>{c.field || t('chooseField')}</option>}
                {fields.map(([n, l]) => (
                  <option key={n} value={n}>
                    {l}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>{t('method')}</span>
              <select
                data-testid={`dup-method-${i}-${j}`}
                value={c.method}
                onChange={(e) => {
                  const method = e.target.value as MatchMethod;
                  setCondition(j, method === 'fuzzy' ? { field: c.field, method, threshold: c.threshold ?? DEFAULT_THRESHOLD } : { field: c.field, method });
                }}
              >
                {METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t(m)}
                  </option>
                ))}
              </select>
            </label>
            {c.method === 'fuzzy' && (
              <label>
                <span>{t('threshold')}</span>
                <input data-testid={`dup-threshold-${i}-${j}`} type="number" min={0.1} max={1} step={0.05} value={c.threshold ?? DEFAULT_THRESHOLD} onChange={(e) => setCondition(j, { ...c, threshold: Number(e.target.value) })} />
              </label>
            )}
            <IssueList issues={relativeIssues(issues, `/conditions/${j}`)} testId={`dup-condition-issues-${i}-${j}`} />
            <button type="button" className="link danger" data-testid={`dup-remove-condition-${i}-${j}`} disabled={rule.conditions.length === 1} onClick={() => onChange({ ...rule, conditions: rule.conditions.filter((_, k) => k !== j) })}>
              {t('removeCondition')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" data-testid={`dup-add-condition-${i}`} onClick={() => onChange({ ...rule, conditions: [...rule.conditions, { field: fields[0]?.[0] ?? 'name', method: 'exact' }] })}>
        {t('addCondition')}
      </button>
      <IssueList issues={[...conditionsIssues, ...issues.filter((x) => !underConditions.has(x))]} testId={`dup-issues-${i}`} />
    </li>
  );
}
