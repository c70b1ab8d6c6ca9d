import type { Describe, FieldDef, RecordData } from '../api/describe';
import { picklistValues, type PicklistValue } from '../widgets/picklist-options';

/** The key of the column for records without a value. */
export const NO_VALUE = '\u0000none';

/** One column of a kanban: a picklist value (or none), its cards loaded so far, its count and sum over all its records. */
export interface KanbanColumn {
  key: string;
  /** The picklist value it stands for; null for records without one. */
  value: string | null;
  option?: PicklistValue;
  /** Cards can be dropped here (active values only). */
  droppable: boolean;
  cards: RecordData[];
  count: number;
  sum?: number | null;
  cursor?: string;
  loading: boolean;
}

/** An aggregate group as GET /records/:object/aggregate answers it. */
export interface AggregateGroup {
  value: string | null;
  count: number;
  sum?: number | null;
}

export const picklistFields = (d: Describe) => d.object.fields.filter((f) => f.type === 'picklist');

/** The field a kanban groups by: the one asked for if it is a picklist, else the first picklist. */
export const groupField = (d: Describe, asked: string | null) => picklistFields(d).find((f) => f.name === asked) ?? picklistFields(d)[0];

/** The field whose total each column shows: the first currency field the user may read, if any. */
export const sumField = (d: Describe) => d.object.fields.find((f) => f.type === 'currency');

/** What a card shows under the name: the sum field, then a few short fields. */
export function cardFields(d: Describe, group: FieldDef): FieldDef[] {
  const sum = sumField(d);
  const short = d.object.fields.filter((f) => !f.system && f !== group && f !== sum && !['textarea', 'multipicklist', 'formula', 'rollup'].includes(f.type));
  return [...(sum ? [sum] : []), ...short].slice(0, 3);
}

/**
 * The columns: every active value in the admin's order, then deactivated
 * values and "no value" only when records still hold them (so no card is
 * lost), which cards cannot be dropped into.
 */
export function columnsFor(field: FieldDef, groups: AggregateGroup[], withSum: boolean): KanbanColumn[] {
  const byValue = new Map(groups.map((g) => [g.value, g]));
  const options = picklistValues(field);
  const column = (value: string | null, option: PicklistValue | undefined, droppable: boolean): KanbanColumn => {
    const g = byValue.get(value);
    return { key: value ?? NO_VALUE, value, option, droppable, cards: [], count: g?.count ?? 0, ...(withSum ? { sum: g?.sum ?? null } : {}), loading: true };
  };
  const active = options.filter((o) => o.active !== false).map((o) => column(o.value, o, true));
  const known = new Set(active.map((c) => c.value));
  const leftovers = groups.filter((g) => g.value !== null && !known.has(g.value) && g.count > 0).map((g) => column(g.value, options.find((o) => o.value === g.value), false));
  const none = byValue.get(null)?.count ? [column(null, undefined, false)] : [];
  return [...active, ...leftovers, ...none];
}

/** The filter of one column's records. */
export const columnFilter = (field: string, value: string | null) => (value === null ? { is_empty: [{ var: field }] } : { '==': [{ var: field }, value] });

const numeric = (v: unknown) => (typeof v === 'number' ? v : 0);

/**
 * The board after moving a card from one column to another: the card at
 * `at` (the top unless told) of its new column, counts and sums adjusted. Pure, so a refused move can
 * put the previous board back unchanged.
 */
export function moveCard(columns: KanbanColumn[], id: string, toKey: string, field: string, sum?: string, at = 0): KanbanColumn[] {
  const from = columns.find((c) => c.cards.some((r) => r.id === id));
  const to = columns.find((c) => c.key === toKey);
  if (!from || !to || from === to) return columns;
  const card = from.cards.find((r) => r.id === id)!;
  const moved = { ...card, [field]: to.value };
  const amount = sum ? numeric(card[sum]) : 0;
  // Currency has two decimals: round away binary fractions (0.1 + 0.2).
  const adjust = (s: number | null | undefined, by: number) => (s === undefined ? undefined : Math.round(((s ?? 0) + by) * 100) / 100);
  return columns.map((c) => {
    if (c === from) return { ...c, cards: c.cards.filter((r) => r.id !== id), count: c.count - 1, ...(sum ? { sum: adjust(c.sum, -amount) } : {}) };
    if (c === to) return { ...c, cards: [...c.cards.slice(0, at), moved, ...c.cards.slice(at)], count: c.count + 1, ...(sum ? { sum: adjust(c.sum, amount) } : {}) };
    return c;
  });
}

/** The board with a card replaced by the server's answer (its new version). */
export const replaceCard = (columns: KanbanColumn[], record: RecordData): KanbanColumn[] => columns.map((c) => (c.cards.some((r) => r.id === record.id) ? { ...c, cards: c.cards.map((r) => (r.id === record.id ? { ...r, ...record } : r)) } : c));
