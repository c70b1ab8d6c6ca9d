import { useDraft } from '../draft/draft-store';
import { relativeIssues } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { ObjectEditorPage } from '../shell/object-editor-page';
import { orderedList } from '../shell/ordered-list';
import { freshName } from '../shell/rule-names';
import { rulesMessages } from './messages';
import { ValidationRuleCard } from './validation-rule-card';
import './rules.css';

/**
 * An object's validation rules (/designer/objects/:object/rules): add, edit,
 * reorder and remove them; every edit writes the whole object into the draft,
 * and the server's verdict on each rule is shown beside it.
 */
export function ValidationRulesPage({ object }: { object: string }) {
  const t = useText(rulesMessages);
  const { check } = useDraft();
  const base = `/objects/${object}/validationRules`;
  const listIssues = check.issues.filter((i) => i.path === base || (i.path.startsWith(`${base}/`) && !/^\d+$/.test(i.path.slice(base.length + 1).split('/')[0]!)));
  return (
    <ObjectEditorPage object={object} className="rules-page">
      {(def, update) => {
        const rules = def.validationRules ?? [];
        const list = orderedList(rules, (next) => update({ ...def, validationRules: next }));
        return (
          <>
            <h2>{t('title')}</h2>
            <p className="rules-help">{t('intro')}</p>
            {listIssues.map((x, n) => (
              <p key={n} className="issue" role="alert">
                {x.code && <code>{x.code}</code>}
                {x.message}
              </p>
            ))}
            {rules.length === 0 && <p data-testid="rules-none">{t('none')}</p>}
            <ol className="rules-list">
              {rules.map((_, i) => (
                <ValidationRuleCard
                  key={i}
                  object={object}
                  rules={rules}
                  index={i}
                  fields={[{ name: 'name', type: 'text', label: def.nameField?.label ?? { en: 'Name', 'zh-CN': '名称' } }, ...def.fields]}
                  issues={relativeIssues(check.issues, `${base}/${i}`)}
                  onChange={(r) => list.change(i, r)}
                  onMove={(d) => list.move(i, d)}
                  onRemove={() => list.remove(i)}
                />
              ))}
            </ol>
            <button type="button" data-testid="rules-add" onClick={() => list.add({ name: freshName(rules, 'rule'), condition: undefined, message: { en: '', 'zh-CN': '' }, active: true })}>
              {t('addRule')}
            </button>
          </>
        );
      }}
    </ObjectEditorPage>
  );
}
