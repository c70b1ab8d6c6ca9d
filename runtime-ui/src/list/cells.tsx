import type { ReactNode } from 'react';
import type { FieldDef } from '../api/describe';
import type { I18n } from '../i18n/i18n';
import { Link } from '../router/router';
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

const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : undefined);

const text: Render = (v) => String(v);
const number: Render = (v, _f, { i18n }) => (num(v) === undefined ? String(v) : i18n.fmt.number(num(v)!));
const currency: Render = (v, _f, { i18n }) => (num(v) === undefined ? String(v) : i18n.fmt.currency(num(v)!));
const percent: Render = (v, _f, { i18n }) => (num(v) === undefined ? String(v) : i18n.fmt.percent(num(v)!));
const date: Render = (v, _f, { i18n }) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? i18n.fmt.date(v) : String(v));
const datetime: Render = (v, _f, { i18n }) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? i18n.fmt.datetime(v) : String(v));
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

const safeHref = (v: string) => (/^https?:\/\//i.test(v) ? v : undefined);

/** How each field type shows in a list cell; plug-in types fall back to text. */
export const CELL_RENDERERS: Record<string, Render> = {
  text,
  textarea: (v) => String(v).split('\n')[0],
  autonumber: text,
  integer: number,
  number,
  currency,
  percent,
  date,
  datetime,
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
  formula: (v, f, env) => (FORMULA_RENDERERS[String(f.options.returns)] ?? text)(v, f, env),
  rollup: (v, f, env) => {
    const kind = (f.options.resolved as { kind?: string } | undefined)?.kind;
    return (kind === 'date' ? date : kind === 'datetime' ? datetime : number)(v, f, env);
  },
};

const FORMULA_RENDERERS: Record<string, Render> = { number, string: text, boolean, date, datetime };

/** One cell: empty values are blank, everything else by its type. Values are always rendered as text, never as HTML. */
export function CellValue({ value, field, env }: { value: unknown; field: FieldDef; env: CellEnv }) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  return <>{(CELL_RENDERERS[field.type] ?? text)(value, field, env)}</>;
}
