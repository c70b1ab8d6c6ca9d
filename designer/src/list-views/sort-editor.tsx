import type { ListView } from '../../../engine/shared/metadata-types';
import type { FieldDef } from '../../../runtime-ui/src/api/describe';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import type { DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { IssueList } from '../draft/issue-list';
import { sortKeys, withSort, type SortKey } from './list-view-model';
import { viewMessages } from './messages';

/** The server takes at most this many sort keys (object.schema.json). */
const MAX_SORT_KEYS = 8;

interface Props {
  view: ListView;
  fields: FieldDef[];
  issues: DraftIssue[];
  onChange(next: ListView): void;
}

/** The view's order: several keys, each a field ascending or descending. */
export function SortEditor({ view, fields, issues, onChange }: Props) {
  const t = useText(viewMessages);
  const { label } = useI18n();
  const keys = sortKeys(view);
  const set = (next: SortKey[]) => onChange(withSort(view, next));
  const setKey = (k: number, patch: Partial<SortKey>) => set(keys.map((x, i) => (i === k ? { ...x, ...patch } : x)));
  const unused = fields.filter((f) => !keys.some((k) => k.field === f.name));
  return (
    <fieldset className="views-sort" data-testid="views-sort">
      <legend>{t('sort')}</legend>
      {keys.length === 0 && <p className="hint">{t('sortNone')}</p>}
      <ol>
        {keys.map((key, k) => (
          <li key={k}>
            <select aria-label={t('sort')} value={key.field} onChange={(e) => setKey(k, { field: e.target.value })} data-testid={`views-sort-${k}`}>
              {!fields.some((f) => f.name === key.field) && <option value={key.field}>{key.field}</option>}
              {fields.map((f) => (
                <option key={f.name} value={f.name} disabled={f.name !== key.field && keys.some((x) => x.field === f.name)}>
                  {label(f.label, f.name)}
                </option>
              ))}
            </select>
            <select aria-label={`${t('asc')} / ${t('desc')}`} value={key.desc ? 'desc' : 'asc'} onChange={(e) => setKey(k, { desc: e.target.value === 'desc' })} data-testid={`views-sort-dir-${k}`}>
              <option value="asc">{t('asc')}</option>
              <option value="desc">{t('desc')}</option>
            </select>
            <button type="button" className="link" onClick={() => set(keys.filter((_, i) => i !== k))} data-testid={`views-sort-remove-${k}`}>
              {t('remove')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" disabled={!unused.length || keys.length >= MAX_SORT_KEYS} onClick={() => set([...keys, { field: unused[0]!.name, desc: false }])} data-testid="views-sort-add">
        {t('sortAdd')}
      </button>
      <IssueList issues={issues} />
    </fieldset>
  );
}
