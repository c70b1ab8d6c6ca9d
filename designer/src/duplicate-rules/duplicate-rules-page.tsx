import { useDraft } from '../draft/draft-store';
import { relativeIssues } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { useText } from '../i18n/text';
import { labelText } from '../i18n/label-text';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { ObjectEditorPage } from '../shell/object-editor-page';
import { orderedList } from '../shell/ordered-list';
import { DuplicateRuleCard, newDuplicateRule } from './duplicate-rule-card';
import { duplicateMessages } from './messages';
import '../rules/rules.css';

/** Field types a rule cannot compare (computed when read). */
const NOT_MATCHABLE = new Set(['formula', 'rollup']);

/**
 * An object's duplicate rules (/designer/objects/:object/duplicates): list,
 * add, edit, remove; each rule's conditions (field, comparison, similarity
 * for fuzzy), action, active and label in both locales. Every edit writes the
 * whole object into the draft; the server's issues are shown on each rule.
 */
export function DuplicateRulesPage({ object }: { object: string }) {
  const t = useText(duplicateMessages);
  const { locale } = useI18n();
  const { check } = useDraft();
  const base = `/objects/${object}/duplicateRules`;
  const listIssues = relativeIssues(check.issues, base).filter((x) => !/^\/\d+(\/|$)/.test(x.path));
  return (
    <ObjectEditorPage object={object} className="rules-page dup-page">
      {(def, update) => {
        const rules = def.duplicateRules ?? [];
        const list = orderedList(rules, (next) => update({ ...def, duplicateRules: next }));
        const nameLabel = labelText(def.nameField?.label, locale) || (locale === 'zh-CN' ? '名称' : 'Name');
        const fields: [string, string][] = [['name', nameLabel], ...def.fields.filter((f) => !NOT_MATCHABLE.has(f.type)).map((f): [string, string] => [f.name, labelText(f.label, locale) || f.name])];
        return (
          <>
            <h2>{t('title')}</h2>
            <p className="rules-help">{t('intro')}</p>
            <IssueList issues={listIssues} testId="dup-list-issues" />
            {rules.length === 0 && <p data-testid="dup-none">{t('none')}</p>}
            <ol className="rules-list">
              {rules.map((_, i) => (
                <DuplicateRuleCard key={i} rules={rules} index={i} fields={fields} issues={relativeIssues(check.issues, `${base}/${i}`)} onChange={(r) => list.change(i, r)} onRemove={() => list.remove(i)} />
              ))}
            </ol>
            <button type="button" data-testid="dup-add" onClick={() => list.add(newDuplicateRule(rules))}>
              {t('addRule')}
            </button>
          </>
        );
      }}
    </ObjectEditorPage>
  );
}
