import { useState } from 'react';
import type { FieldDef } from '../../../runtime-ui/src/api/describe';
import { FilterBuilder } from '../../../runtime-ui/src/filter-builder/filter-builder';
import { fromJsonLogic, toJsonLogic, type FilterGroup } from '../../../runtime-ui/src/filter-builder/filter-model';
import type { DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { IssueList } from '../draft/issue-list';
import { viewMessages } from './messages';

interface Props {
  /** The view's json-logic filter (undefined: none). */
  filter: unknown;
  fields: FieldDef[];
  issues: DraftIssue[];
  onChange(next: unknown): void;
}

const jsonOf = (filter: unknown): string => (filter === undefined ? '' : JSON.stringify(filter, null, 2));

/**
 * A view's filter with the runtime UI's builder; the raw json-logic for
 * filters the builder cannot show (or when the admin prefers it). The
 * builder keeps its own tree, so a condition still waiting for its value
 * stays on screen while the JSON leaves it out.
 */
export function FilterEditor({ filter, fields, issues, onChange }: Props) {
  const t = useText(viewMessages);
  const [group, setGroup] = useState<FilterGroup | undefined>(() => fromJsonLogic(filter, fields));
  const [raw, setRaw] = useState(group === undefined);
  const [text, setText] = useState(() => jsonOf(filter));
  const [bad, setBad] = useState<string>();

  const fromBuilder = (next: FilterGroup) => {
    setGroup(next);
    onChange(toJsonLogic(next, fields));
  };
  const fromText = (next: string) => {
    setText(next);
    if (next.trim() === '') {
      setBad(undefined);
      return onChange(undefined);
    }
    try {
      const parsed: unknown = JSON.parse(next);
      setBad(undefined);
      onChange(parsed === null ? undefined : parsed);
    } catch (e) {
      setBad(e instanceof Error ? e.message : String(e));
    }
  };
  const toBuilder = () => {
    const g = fromJsonLogic(filter, fields);
    if (!g) return;
    setGroup(g);
    setRaw(false);
  };
  const toRaw = () => {
    setText(jsonOf(filter));
    setBad(undefined);
    setRaw(true);
  };
  const builderCanShow = fromJsonLogic(filter, fields) !== undefined;
  return (
    <fieldset className="views-filter" data-testid="views-filter">
      <legend>{t('filter')}</legend>
      {raw ? (
        <>
          {!builderCanShow && filter !== undefined && <p className="hint">{t('filterJsonOnly')}</p>}
          <textarea rows={6} spellCheck={false} aria-label={t('filterJson')} value={text} onChange={(e) => fromText(e.target.value)} data-testid="views-filter-json" />
          {bad && <p className="issue">{t('filterBadJson', { message: bad })}</p>}
          <button type="button" className="link" disabled={!builderCanShow || bad !== undefined} onClick={toBuilder} data-testid="views-filter-visual">
            {t('filterVisual')}
          </button>
        </>
      ) : (
        <>
          {filter === undefined && <p className="hint">{t('filterNone')}</p>}
          <FilterBuilder fields={fields} value={group!} onChange={fromBuilder} />
          <button type="button" className="link" onClick={toRaw} data-testid="views-filter-raw">
            {t('filterJson')}
          </button>
        </>
      )}
      <IssueList issues={issues} />
    </fieldset>
  );
}
