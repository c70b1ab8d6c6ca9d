import type { RawLabel, RawPageLayout, RawSnapshot } from '../../../engine/shared/metadata-types';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { issuesUnder, type DraftIssue } from '../draft/draft-types';
import { isBlankLabel } from '../i18n/label-text';
import { useText } from '../i18n/text';
import { IssueList } from '../draft/issue-list';
import { LabelInputs } from './label-inputs';
import { stepItem } from './layout-model';
import { placeableFields, rawFieldDefs, relatedCandidates } from './object-fields';
import { layoutMessages } from './messages';

type RelatedList = NonNullable<RawPageLayout['relatedLists']>[number];

interface Props {
  object: string;
  layout: RawPageLayout;
  snapshot: RawSnapshot;
  issues: DraftIssue[];
  path: string;
  onChange(next: RawPageLayout): void;
}

const keyOf = (r: { object: string; field: string }) => `${r.object}.${r.field}`;

/**
 * The record page's related lists: by default every lookup of another object
 * that points here; the admin may instead choose which, in what order, with
 * their own label and columns.
 */
export function RelatedListsEditor({ object, layout, snapshot, issues, path, onChange }: Props) {
  const t = useText(layoutMessages);
  const { label } = useI18n();
  const candidates = relatedCandidates(snapshot, object);
  const lists = layout.relatedLists;
  const set = (relatedLists: RelatedList[] | undefined) => {
    const { relatedLists: _, ...rest } = layout;
    onChange(relatedLists ? { ...rest, relatedLists } : rest);
  };
  const objectLabel = (name: string) => label(snapshot.objects[name]?.pluralLabel ?? snapshot.objects[name]?.label, name);
  const fieldLabel = (o: string, f: string) => label(snapshot.objects[o]?.fields.find((x) => x.name === f)?.label, f);
  if (!lists) {
    return (
      <section className="layout-panel" data-testid="layout-related">
        <h2>{t('related')}</h2>
        <p className="hint">{candidates.length ? t('relatedDefault', { count: candidates.length }) : t('relatedNone')}</p>
        {candidates.length > 0 && (
          <button type="button" onClick={() => set(candidates.map((c) => ({ object: c.object, field: c.field })))} data-testid="layout-related-customize">
            {t('relatedCustomize')}
          </button>
        )}
      </section>
    );
  }
  const update = (k: number, patch: Partial<RelatedList>) => set(lists.map((r, i) => (i === k ? { ...r, ...patch } : r)));
  const setLabel = (k: number, next: RawLabel) => {
    if (!isBlankLabel(next)) return update(k, { label: next });
    const { label: _, ...rest } = lists[k]!;
    set(lists.map((r, i) => (i === k ? rest : r)));
  };
  const toggleColumn = (k: number, column: string, on: boolean) => {
    const cols = lists[k]!.columns ?? [];
    const next = on ? [...cols, column] : cols.filter((c) => c !== column);
    if (next.length) return update(k, { columns: next });
    const { columns: _, ...rest } = lists[k]!;
    set(lists.map((r, i) => (i === k ? rest : r)));
  };
  const addable = candidates.filter((c) => !lists.some((r) => keyOf(r) === keyOf(c)));
  return (
    <section className="layout-panel" data-testid="layout-related">
      <h2>{t('related')}</h2>
      {lists.length === 0 && <p className="hint">{t('relatedEmpty')}</p>}
      <ol className="layout-related-list">
        {lists.map((r, k) => {
          const child = snapshot.objects[r.object];
          const childFields = child ? placeableFields(rawFieldDefs(child)) : [];
          return (
            <li key={keyOf(r)} className="layout-related" data-testid={`layout-related-${k}`}>
              <div className="layout-related-head">
                <strong>{objectLabel(r.object)}</strong> <span className="hint">{t('relatedVia', { field: fieldLabel(r.object, r.field) })}</span>
                <span className="spacer" />
                <button type="button" aria-label={t('up')} disabled={k === 0} onClick={() => set(stepItem(lists, k, -1))} data-testid={`layout-related-up-${k}`}>
                  ↑
                </button>
                <button type="button" aria-label={t('down')} disabled={k === lists.length - 1} onClick={() => set(stepItem(lists, k, 1))} data-testid={`layout-related-down-${k}`}>
                  ↓
                </button>
                <button type="button" className="link" onClick={() => set(lists.filter((_, i) => i !== k))} data-testid={`layout-related-remove-${k}`}>
                  {t('remove')}
                </button>
              </div>
              <LabelInputs value={r.label} onChange={(l) => setLabel(k, l)} testid="layout-related-label" suffix={k} names={{ en: t('labelEn'), zh: t('labelZh') }} />
              <fieldset className="layout-related-columns">
                <legend>{t('relatedColumns')}</legend>
                {childFields.map((f) => (
                  <label key={f.name}>
                    <input type="checkbox" checked={(r.columns ?? []).includes(f.name)} onChange={(e) => toggleColumn(k, f.name, e.target.checked)} data-testid={`layout-related-column-${k}-${f.name}`} />
                    {label(f.label, f.name)}
                  </label>
                ))}
              </fieldset>
              <IssueList issues={issuesUnder(issues, `${path}/${k}`)} />
            </li>
          );
        })}
      </ol>
      <div className="layout-related-actions">
        <select aria-label={t('relatedAdd')} value="" disabled={!addable.length} onChange={(e) => e.target.value && set([...lists, { object: e.target.value.split('.')[0]!, field: e.target.value.split('.')[1]! }])} data-testid="layout-related-add">
          <option value="">{t('relatedAdd')}</option>
          {addable.map((c) => (
            <option key={keyOf(c)} value={keyOf(c)}>
              {`${objectLabel(c.object)} · ${fieldLabel(c.object, c.field)}`}
            </option>
          ))}
        </select>
        <button type="button" className="link" onClick={() => set(undefined)} data-testid="layout-related-default">
          {t('relatedBackToDefault')}
        </button>
      </div>
    </section>
  );
}
