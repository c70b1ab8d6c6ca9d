import type { RawAssignmentRule } from '../../../engine/shared/metadata-types';
import { IssueList } from '../draft/issue-list';
import { issuesUnder, relativeIssues, type DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { RuleEditor } from '../rule-builder/rule-editor';
import type { RuleField } from '../rule-builder/rule-fields';
import { AssignToEditor } from './assign-to-editor';
import { RuleCardHeader } from '../shell/rule-card-header';
import type { DirectoryRole, DirectoryUser } from './assignment-model';
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
  const criteriaIssues = relativeIssues(issues, '/criteria');
  const underCriteria = new Set(issuesUnder(issues, '/criteria'));
  return (
    <li className={`rules-card${rule.active === false ? ' rules-inactive' : ''}`} data-testid={`assign-card-${i}`}>
      <RuleCardHeader prefix="assign" rules={rules} index={i} onName={(name) => onChange({ ...rule, name })} onActive={(active) => onChange({ ...rule, active })} onMove={onMove} onRemove={onRemove} />
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
