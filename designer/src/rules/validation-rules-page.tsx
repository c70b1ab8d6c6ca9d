import type { RawValidationRule } from '../../../engine/shared/metadata-types';
import { useDraft } from '../draft/draft-store';
import type { DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { ObjectTabs } from '../shell/object-tabs';
import { rulesMessages } from './messages';
import { freshRuleName } from './rule-names';
import { ValidationRuleCard } from './validation-rule-card';
import './rules.css';

/** Issues under a pointer, with the pointer cut off. */
const under = (issues: DraftIssue[], prefix: string) => issues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}/`)).map((i) => ({ ...i, path: i.path.slice(prefix.length) }));

/**
 * An object's validation rules (/designer/objects/:object/rules): add, edit,
 * reorder and remove them; every edit writes the whole object into the draft,
 * and the server's verdict on each rule is shown beside it.
 */
export function ValidationRulesPage({ object }: { object: string }) {
  const t = useText(rulesMessages);
  const { snapshot, putObject, check } = useDraft();
  const def = snapshot.objects[object];
  if (!def)
    return (
      <>
        <ObjectTabs object={object} />
        <p role="alert">{t('notFound', { object })}</p>
      </>
    );
  const rules = def.validationRules ?? [];
  const base = `/objects/${object}/validationRules`;
  const write = (next: RawValidationRule[]) => putObject({ ...def, validationRules: next });
  const move = (i: number, delta: -1 | 1) => {
    const next = [...rules];
    [next[i], next[i + delta]] = [next[i + delta]!, next[i]!];
    write(next);
  };
  const listIssues = check.issues.filter((i) => i.path === base || (i.path.startsWith(`${base}/`) && !/^\d+$/.test(i.path.slice(base.length + 1).split('/')[0]!)));
  return (
    <div className="rules-page">
      <ObjectTabs object={object} />
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
            issues={under(check.issues, `${base}/${i}`)}
            onChange={(r) => write(rules.map((x, j) => (j === i ? r : x)))}
            onMove={(d) => move(i, d)}
            onRemove={() => write(rules.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      <button type="button" data-testid="rules-add" onClick={() => write([...rules, { name: freshRuleName(rules), condition: undefined, message: { en: '', 'zh-CN': '' }, active: true }])}>
        {t('add')}
      </button>
    </div>
  );
}
