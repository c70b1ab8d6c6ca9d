import type { RawAssignmentRule } from '../../../engine/shared/metadata-types';
import { useApi } from '../../../runtime-ui/src/api/use-api';
import { useDraft } from '../draft/draft-store';
import { relativeIssues } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { useText } from '../i18n/text';
import { ruleFieldsOf } from '../rule-builder/rule-fields';
import { ObjectTabs } from '../shell/object-tabs';
import { AssignmentRuleCard } from './assignment-rule-card';
import { newRule, type DirectoryRole, type DirectoryUser } from './assignment-model';
import { assignmentMessages } from './messages';
import '../rules/rules.css';
import './assignment-rules.css';

/** Field types whose value can name a territory (one value per record). */
const TERRITORY_TYPES = new Set(['picklist', 'text', 'email', 'phone', 'number', 'boolean']);

/**
 * An object's assignment rules (/designer/objects/:object/assignment):
 * ordered rules with criteria and whom they assign to — a user, users in
 * turn (a role or a list), or a user per territory. Every edit writes the
 * whole object into the draft; the server's issues are shown on each rule.
 */
export function AssignmentRulesPage({ object }: { object: string }) {
  const t = useText(assignmentMessages);
  const { snapshot, putObject, check } = useDraft();
  const users = useApi<{ users: DirectoryUser[] }>('/admin/users');
  const roles = useApi<{ roles: DirectoryRole[] }>('/admin/roles');
  const def = snapshot.objects[object];
  if (!def)
    return (
      <>
        <ObjectTabs object={object} />
        <p role="alert">{t('notFound', { object })}</p>
      </>
    );
  const rules = def.assignmentRules ?? [];
  const base = `/objects/${object}/assignmentRules`;
  const write = (next: RawAssignmentRule[]) => putObject({ ...def, assignmentRules: next });
  const move = (i: number, delta: -1 | 1) => {
    const next = [...rules];
    [next[i], next[i + delta]] = [next[i + delta]!, next[i]!];
    write(next);
  };
  const all = relativeIssues(check.issues, base);
  const listIssues = all.filter((x) => !/^\/\d+(\/|$)/.test(x.path));
  const territoryFields = ruleFieldsOf(snapshot, object).filter((f) => TERRITORY_TYPES.has(f.type));
  return (
    <div className="rules-page assign-page">
      <ObjectTabs object={object} />
      <h2>{t('title')}</h2>
      <p className="rules-help">{t('intro')}</p>
      <IssueList issues={listIssues} testId="assign-list-issues" />
      {users.loading && <p className="rules-help">{t('loadingUsers')}</p>}
      {rules.length === 0 && <p data-testid="assign-none">{t('none')}</p>}
      <ol className="rules-list">
        {rules.map((_, i) => (
          <AssignmentRuleCard
            key={i}
            object={object}
            rules={rules}
            index={i}
            users={users.data?.users ?? []}
            roles={roles.data?.roles ?? []}
            territoryFields={territoryFields}
            issues={relativeIssues(check.issues, `${base}/${i}`)}
            onChange={(r) => write(rules.map((x, j) => (j === i ? r : x)))}
            onMove={(d) => move(i, d)}
            onRemove={() => write(rules.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      <button type="button" data-testid="assign-add" onClick={() => write([...rules, newRule(rules)])}>
        {t('add')}
      </button>
    </div>
  );
}
