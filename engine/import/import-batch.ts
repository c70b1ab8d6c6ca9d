import type { CompiledObject } from '../metadata/compiled-object';
import { copyRecords, type Connection } from '../records/bulk-create';
import type { RecordContext } from '../records/context';
import { updateRecord } from '../records/update-record';
import type { WriteOptions } from '../records/write-hooks';
import type { Locale } from '../shared/metadata-types';
import { coerceCell, picklistIndex } from './coerce-cell';
import type { ImportPlan } from './import-mapping';
import type { CsvRow } from './parse-csv';
import { findByKey, resolveReferences } from './resolve-references';
import { isRowError, reasonOf, rowsNamedIn } from './row-errors';

/** A row refused, with the reason written into the rejected file's "error" column. */
export interface RowReject {
  line: number;
  values: string[];
  error: string;
}

/** What one batch did. */
export interface BatchResult {
  inserted: number;
  updated: number;
  rejects: RowReject[];
}

interface Prepared {
  row: CsvRow;
  record: Record<string, unknown>;
  /** Lookup and owner texts still to turn into ids. */
  refs: { field: string; text: string }[];
}

/** Column plan: which cell goes to which field and how it is read; built once per import. */
export interface ColumnPlan {
  index: number;
  column: string;
  field: string;
  lookupBy?: string;
  picklist?: Map<string, string>;
}

export function columnPlans(obj: CompiledObject, header: string[], plan: ImportPlan): ColumnPlan[] {
  return header.flatMap((column, index) => {
    const t = plan.mapping[column];
    if (!t) return [];
    const f = obj.fields.get(t.field)!;
    const picklist = f.type === 'picklist' || f.type === 'multipicklist' ? picklistIndex(f) : undefined;
    return [{ index, column, field: t.field, ...(t.lookupBy ? { lookupBy: t.lookupBy } : {}), ...(picklist ? { picklist } : {}) }];
  });
}

/** Cells → record values; a ragged row or a cell that cannot be read rejects the row. */
function prepare(obj: CompiledObject, headerLength: number, columns: ColumnPlan[], rows: CsvRow[], locale: Locale, rejects: RowReject[]): Prepared[] {
  const out: Prepared[] = [];
  for (const row of rows) {
    if (row.values.length !== headerLength) {
      rejects.push({ line: row.line, values: row.values, error: `line ${row.line}: ${row.values.length} columns, the header has ${headerLength}` });
      continue;
    }
    const record: Record<string, unknown> = {};
    const refs: Prepared['refs'] = [];
    const errors: string[] = [];
    for (const c of columns) {
      const text = row.values[c.index]!.trim();
      if (text === '') continue;
      if (c.lookupBy) {
        refs.push({ field: c.field, text });
        continue;
      }
      const r = coerceCell(obj.fields.get(c.field)!, text, c.picklist, locale);
      if ('error' in r) errors.push(r.error);
      else record[c.field] = r.value;
    }
    if (errors.length) rejects.push({ line: row.line, values: row.values, error: errors.join('; ') });
    else out.push({ row, record, refs });
  }
  return out;
}

/** One query per lookup column for the whole batch; a text naming no record or several rejects the row. */
async function resolveAll(ctx: RecordContext, obj: CompiledObject, columns: ColumnPlan[], rows: Prepared[], rejects: RowReject[]): Promise<Prepared[]> {
  const bad = new Map<Prepared, string[]>();
  for (const c of columns.filter((x) => x.lookupBy)) {
    const f = obj.fields.get(c.field)!;
    const texts = rows.flatMap((r) => r.refs.filter((x) => x.field === c.field).map((x) => x.text));
    if (!texts.length) continue;
    const index = await resolveReferences(ctx, f, c.lookupBy!, texts);
    for (const r of rows) {
      const ref = r.refs.find((x) => x.field === c.field);
      if (!ref) continue;
      const ids = index.get(ref.text.toLowerCase()) ?? [];
      if (ids.length === 1) r.record[c.field] = ids[0];
      else bad.set(r, [...(bad.get(r) ?? []), `${c.column}: ${ids.length ? `"${ref.text}" matches ${ids.length} records` : `no record with ${c.lookupBy} "${ref.text}"`}`]);
    }
  }
  for (const [r, errs] of bad) rejects.push({ line: r.row.line, values: r.row.values, error: errs.join('; ') });
  return rows.filter((r) => !bad.has(r));
}

async function savepoint<T>(conn: Connection, work: () => Promise<T>): Promise<T> {
  await conn.query('SAVEPOINT import_rows');
  try {
    const result = await work();
    await conn.query('RELEASE SAVEPOINT import_rows');
    return result;
  } catch (e) {
    await conn.query('ROLLBACK TO SAVEPOINT import_rows');
    await conn.query('RELEASE SAVEPOINT import_rows');
    throw e;
  }
}

/**
 * Inserts through copyRecords (validation, field conditions, validation rules,
 * assignment and duplicate rules, then COPY), each attempt under a savepoint.
 * Rows an error names are rejected and the rest retried; an error naming no
 * row splits the rows in halves (bisection) until the offending ones are alone.
 */
async function insertRows(ctx: RecordContext, conn: Connection, obj: CompiledObject, rows: Prepared[], opts: WriteOptions, rejects: RowReject[]): Promise<number> {
  let pending = rows;
  while (pending.length) {
    try {
      await savepoint(conn, () => copyRecords(ctx, conn, obj.def.name, pending.map((r) => r.record), opts));
      return pending.length;
    } catch (e) {
      if (!isRowError(e)) throw e;
      const named = rowsNamedIn(e);
      const hit = [...named.keys()].filter((i) => i < pending.length);
      if (pending.length === 1) {
        rejects.push({ line: pending[0]!.row.line, values: pending[0]!.row.values, error: reasonOf(e) });
        return 0;
      }
      if (!hit.length) {
        const half = Math.ceil(pending.length / 2);
        return (await insertRows(ctx, conn, obj, pending.slice(0, half), opts, rejects)) + (await insertRows(ctx, conn, obj, pending.slice(half), opts, rejects));
      }
      for (const i of hit) rejects.push({ line: pending[i]!.row.line, values: pending[i]!.row.values, error: [...new Set(named.get(i))].join('; ') });
      pending = pending.filter((_, i) => !named.has(i));
    }
  }
  return 0;
}

/** Updates one record at a time through updateRecord (validation, rules, duplicate check, version), each under a savepoint. */
async function updateRows(ctx: RecordContext, conn: Connection, obj: CompiledObject, rows: { p: Prepared; id: string; version: number }[], key: string, opts: WriteOptions, rejects: RowReject[]): Promise<number> {
  let n = 0;
  for (const { p, id, version } of rows) {
    const change = { ...p.record };
    if (key === 'id') delete change.id;
    try {
      await savepoint(conn, () => updateRecord(ctx, obj.def.name, id, { ...change, version }, undefined, opts));
      n++;
    } catch (e) {
      if (!isRowError(e)) throw e;
      rejects.push({ line: p.row.line, values: p.row.values, error: reasonOf(e) });
    }
  }
  return n;
}

/**
 * One batch of rows inside the caller's transaction (ctx.db is that
 * transaction, conn its connection): read the cells, resolve lookups, split
 * into inserts and updates by the key, write the good rows and reject the
 * bad ones with their reasons. A bad row never sinks the batch.
 */
export async function importBatch(ctx: RecordContext, conn: Connection, obj: CompiledObject, plan: ImportPlan, headerLength: number, columns: ColumnPlan[], rows: CsvRow[], opts: WriteOptions): Promise<BatchResult> {
  const rejects: RowReject[] = [];
  const prepared = await resolveAll(ctx, obj, columns, prepare(obj, headerLength, columns, rows, ctx.locale, rejects), rejects);
  const inserts: Prepared[] = [];
  const updates: { p: Prepared; id: string; version: number }[] = [];
  if (plan.mode === 'insert') inserts.push(...prepared);
  else {
    const key = plan.key!;
    const keyText = (p: Prepared) => (p.record[key] === undefined ? undefined : String(p.record[key]));
    const found = await findByKey(ctx, obj, key, prepared.map(keyText).filter((k): k is string => k !== undefined));
    for (const p of prepared) {
      const k = keyText(p);
      const matches = k === undefined ? [] : (found.get(k) ?? []);
      if (matches.length === 1) updates.push({ p, ...matches[0]! });
      else if (matches.length > 1) rejects.push({ line: p.row.line, values: p.row.values, error: `${key} "${k}" matches ${matches.length} records` });
      else if (plan.mode === 'upsert' && (k === undefined || key !== 'id')) inserts.push(p);
      else if (plan.mode === 'upsert') inserts.push({ ...p, record: Object.fromEntries(Object.entries(p.record).filter(([f]) => f !== 'id')) });
      else rejects.push({ line: p.row.line, values: p.row.values, error: k === undefined ? `the key ${key} is empty` : `no record with ${key} "${k}"` });
    }
  }
  const inserted = inserts.length ? await insertRows(ctx, conn, obj, inserts, opts, rejects) : 0;
  const updated = updates.length ? await updateRows(ctx, conn, obj, updates, plan.key!, opts, rejects) : 0;
  rejects.sort((a, b) => a.line - b.line);
  return { inserted, updated, rejects };
}
