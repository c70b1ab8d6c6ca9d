import type { RawAssignmentRule } from '../../../engine/shared/metadata-types';
import { IssueList } from '../draft/issue-list';
import { issuesUnder, relativeIssues, type DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { RuleEditor } from '../rule-builder/rule-editor';
import type { RuleField } from '../rule-builder/rule-fields';
import { AssignToEditor } from './assign-to-editor';
import { nameProblem, type DirectoryRole, type DirectoryUser } from './assignment-model';
import { assignmentMessages } from './messages';

interface CardProps {
  object: string;
  rules: RawAssignmentRule[];
  index: number;
  users: DirectoryUser[];
  roles: DirectoryRole[];
  territoryFields: RuleField[];
  /** The server's issues for this rule, paths relative to it (/criteria/…, /assignTo/…). */
  issues: DraftIssue[];
  onChange(rule: RawAssignmentRule): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}

/** One assignment rule: name, active, order, criteria (the visual builder) and whom it assigns to. */
export function AssignmentRuleCard({ object, rules, index: i, users, roles, territoryFields, issues, onChange, onMove, onRemove }: CardProps) {
  const t = useText(assignmentMessages);
  const rule = rules[i]!;
  const problem = nameProblem(rules, i);
  const criteriaIssues = relativeIssues(issues, '/criteria');
  const underCriteria = new Set(issuesUnder(issues, '/criteria'));
  return (
    <li className={`rules-card${rule.active === false ? ' rules-inactive' : ''}`} data-testid={`assign-card-${i}`}>
      <header>
        <strong>{t('rule', { n: i + 1 })}</strong>
        <label>
          <span>{t('name')}</span>
          <input data-testid={`assign-name-${i}`} value={rule.name} spellCheck={false} aria-invalid={!!problem} onChange={(e) => onChange({ ...rule, name: e.target.value })} />
        </label>
        <label className="rules-active">
          <input type="checkbox" data-testid={`assign-active-${i}`} checked={rule.active !== false} onChange={(e) => onChange({ ...rule, active: e.target.checked })} />
          {t('active')}
        </label>
        <span className="rules-actions">
          <button type="button" className="link" data-testid={`assign-up-${i}`} disabled={i === 0} onClick={() => onMove(-1)}>
            {t('up')}
          </button>
          <button type="button" className="link" data-testid={`assign-down-${i}`} disabled={i === rules.length - 1} onClick={() => onMove(1)}>
            {t('down')}
          </button>
          <button type="button" className="link danger" data-testid={`assign-remove-${i}`} onClick={onRemove}>
            {t('remove')}
          </button>
        </span>
      </header>
      {problem && (
        <p className="issue" data-testid={`assign-name-problem-${i}`}>
          {t(problem)}
        </p>
      )}
      <div className="rules-condition">
        <h3>{t('criteria')}</h3>
        <p className="rules-help">{t('criteriaHelp')}</p>
        <RuleEditor
          object={object}
          mode="condition"
          value={rule.criteria}
          onChange={(criteria) => {
            const { criteria: _old, ...rest } = rule;
            onChange(criteria === undefined ? rest : { ...rest, criteria });
          }}
          expect={['boolean']}
          allowContext
          issues={criteriaIssues}
          testId={`assign-criteria-${i}`}
        />
      </div>
      <AssignToEditor value={rule.assignTo} users={users} roles={roles} fields={territoryFields} onChange={(assignTo) => onChange({ ...rule, assignTo })} testId={`assign-to-${i}`} />
      <IssueList issues={issues.filter((x) => !underCriteria.has(x))} testId={`assign-issues-${i}`} />
    </li>
  );
}
