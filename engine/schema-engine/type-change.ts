import type { Field } from '../shared/metadata-types';
import { quoteIdent } from '../db/knex';

/** How an existing column becomes the new field's column, or why it cannot. */
export type TypeChange =
  | { ok: true; using?: string; checks: { sql: string; message: string }[] }
  | { ok: false; reason: string };

const STRINGS = new Set(['text', 'textarea', 'email', 'phone', 'url', 'picklist', 'autonumber']);
const NUMBERS = new Set(['integer', 'number', 'currency', 'percent']);

function varcharLength(sqlType: string): number | undefined {
  const m = /^varchar\((\d+)\)$/.exec(sqlType);
  return m ? Number(m[1]) : undefined;
}

function numericShape(field: Field): { integerDigits: number; scale: number } {
  if (field.type === 'integer') return { integerDigits: 19, scale: 0 };
  const { precision, scale } = field.options as { precision: number; scale: number };
  return { integerDigits: precision - scale, scale };
}

/**
 * Decides whether a field's type change keeps every stored value. Changes
 * that could lose data are allowed only when a check over the current rows
 * proves no value would be lost; others are refused.
 */
export function classifyTypeChange(table: string, oldField: Field, next: Field, oldSql: string, newSql: string): TypeChange {
  const col = quoteIdent(next.name);
  const from = oldField.type;
  const to = next.type;
  if (STRINGS.has(from) && (to === 'text' || to === 'textarea')) {
    const max = varcharLength(newSql);
    const oldMax = varcharLength(oldSql);
    const widening = max === undefined || (oldMax !== undefined && oldMax <= max);
    return {
      ok: true,
      checks: widening ? [] : [{ sql: `SELECT 1 FROM ${table} WHERE length(${col}) > ${max} LIMIT 1`, message: `some ${next.name} values are longer than ${max} characters` }],
    };
  }
  if (NUMBERS.has(from) && NUMBERS.has(to)) {
    const a = numericShape(oldField);
    const b = numericShape(next);
    const checks = [];
    if (b.integerDigits < a.integerDigits) {
      checks.push({ sql: `SELECT 1 FROM ${table} WHERE abs(${col}) >= 1e${b.integerDigits} LIMIT 1`, message: `some ${next.name} values do not fit ${b.integerDigits} integer digits` });
    }
    if (b.scale < a.scale) {
      checks.push({ sql: `SELECT 1 FROM ${table} WHERE ${col} <> round(${col}, ${b.scale}) LIMIT 1`, message: `some ${next.name} values have more than ${b.scale} decimals` });
    }
    return { ok: true, checks };
  }
  if (from === 'picklist' && to === 'multipicklist') {
    return { ok: true, using: `CASE WHEN ${col} IS NULL THEN NULL ELSE ARRAY[${col}::text] END`, checks: [] };
  }
  if (from === 'date' && to === 'datetime') return { ok: true, checks: [] };
  // A roll-up's value is derived: the column is emptied and the roll-up recomputed (createRollup) in the same publish.
  if (from === 'rollup' && to === 'rollup') return { ok: true, using: 'NULL', checks: [] };
  if (from === to && oldSql === newSql) return { ok: true, checks: [] };
  return { ok: false, reason: `changing ${next.name} from ${from} to ${to} could lose data` };
}
