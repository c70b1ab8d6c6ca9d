import { useApi } from '../../../runtime-ui/src/api/use-api';
import { useDraft } from '../draft/draft-store';
import { relativeIssues } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { useText } from '../i18n/text';
import { ruleFieldsOf } from '../rule-builder/rule-fields';
import { ObjectEditorPage } from '../shell/object-editor-page';
import { orderedList } from '../shell/ordered-list';
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
  const { snapshot, check } = useDraft();
  const users = useApi<{ users: DirectoryUser[] }>('/admin/users');
  const roles = useApi<{ roles: DirectoryRole[] }>('/admin/roles');
  const base = `/objects/${object}/assignmentRules`;
  const listIssues = relativeIssues(check.issues, base).filter((x) => !/^\/\d+(\/|$)/.test(x.path));
  return (
    <ObjectEditorPage object={object} className="rules-page assign-page">
      {(def, update) => {
        const rules = def.assignmentRules ?? [];
        const list = orderedList(rules, (next) => update({ ...def, assignmentRules: next }));
        const territoryFields = ruleFieldsOf(snapshot, object).filter((f) => TERRITORY_TYPES.has(f.type));
        return (
          <>
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
                  onChange={(r) => list.change(i, r)}
                  onMove={(d) => list.move(i, d)}
                  onRemove={() => list.remove(i)}
                />
              ))}
            </ol>
            <button type="button" data-testid="assign-add" onClick={() => list.add(newRule(rules))}>
              {t('addRule')}
            </button>
          </>
        );
      }}
    </ObjectEditorPage>
  );
}
