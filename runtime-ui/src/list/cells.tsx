import type { ReactNode } from 'react';
import type { CoreFieldType } from '../../../engine/shared/metadata-types';
import type { FieldDef } from '../api/describe';
import type { I18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { displayValue, safeHref, valueKind } from '../widgets/display-value';
import { picklistValues } from '../widgets/picklist-options';

/** What a cell needs besides its value: formats and labels, and names of related records and users loaded so far. */
export interface CellEnv {
  i18n: I18n;
  /** The related record's name, once loaded (undefined while loading, null when unreadable). */
  lookupName(target: string, id: string): string | null | undefined;
  /** A user's display name when known. */
  userName(id: string): string | undefined;
}

type Render = (value: unknown, field: FieldDef, env: CellEnv) => ReactNode;

/** Numbers, money, dates …: the shared per-type text. */
const text: Render = (v, f, { i18n }) => displayValue(f, v, i18n);
const boolean: Render = (v, _f, { i18n }) => (
  <span className={`lv-bool lv-bool-${v ? 'yes' : 'no'}`} aria-label={i18n.t(v ? 'list.yes' : 'list.no')}>
    {v ? '✓' : '✗'}
  </span>
);

/** A picklist value's label in the chosen locale, and its colour if the admin gave one. */
function choice(value: string, field: FieldDef, { i18n }: CellEnv, chip: boolean): ReactNode {
  const opt = picklistValues(field).find((o) => o.value === value);
  const label = opt ? i18n.label(opt.label, value) : value;
  return (
    <span key={value} className={chip ? 'lv-chip' : 'lv-choice'} data-value={value}>
      {opt?.color && <span className="lv-swatch" style={{ background: opt.color }} aria-hidden />}
      {label}
    </span>
  );
}

/** A formula or roll-up renders as the type it gives (valueKind). */
const asValueKind: Render = (v, f, env) => renderer(valueKind(f))(v, f, env);

/**
 * How each field type shows in a list cell (and on a kanban card): the
 * shared text, with markup where a cell needs it (marks, chips, links). A
 * core type missing here is a compile error; plug-in types fall back to text.
 */
export const CELL_RENDERERS: Record<string, Render> = {
  text,
  autonumber: text,
  integer: text,
  number: text,
  currency: text,
  percent: text,
  date: text,
  datetime: text,
  textarea: (v) => String(v).split('\n')[0],
  boolean,
  email: (v) => <a href={`mailto:${String(v)}`}>{String(v)}</a>,
  phone: (v) => <a href={`tel:${String(v).replace(/[^\d+]/g, '')}`}>{String(v)}</a>,
  url: (v) => {
    const href = safeHref(String(v));
    return href ? (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {String(v)}
      </a>
    ) : (
      String(v)
    );
  },
  picklist: (v, f, env) => choice(String(v), f, env, false),
  multipicklist: (v, f, env) => (Array.isArray(v) ? <span className="lv-chips">{v.map((x) => choice(String(x), f, env, true))}</span> : String(v)),
  lookup: (v, f, env) => {
    const target = String(f.options.target ?? '');
    const id = String(v);
    const name = env.lookupName(target, id);
    if (name === undefined) return <span className="lv-pending">…</span>;
    return <Link to={`/app/o/${encodeURIComponent(target)}/${encodeURIComponent(id)}`}>{name ?? env.i18n.t('list.unnamed')}</Link>;
  },
  user: (v, _f, env) => env.userName(String(v)) ?? <span className="lv-id">{String(v).slice(0, 8)}</span>,
  id: (v) => <span className="lv-id">{String(v).slice(0, 8)}</span>,
  formula: asValueKind,
  rollup: asValueKind,
} satisfies Record<CoreFieldType | 'id' | 'user', Render>;

const renderer = (type: string): Render => CELL_RENDERERS[type] ?? text;

/** One cell: empty values are blank, everything else by its type. Values are always rendered as text, never as HTML. */
export function CellValue({ value, field, env }: { value: unknown; field: FieldDef; env: CellEnv }) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  return <>{renderer(field.type)(value, field, env)}</>;
}
