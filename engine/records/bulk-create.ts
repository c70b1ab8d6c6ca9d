import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { AppError, type Issue } from '../core/errors';
import { quoteIdent } from '../db/knex';
import { formatAutonumber } from '../field-types/autonumber/format';
import { qualified } from '../schema-engine/column-ddl';
import type { RecordContext } from './context';
import { csvLine } from './csv-copy';
import { inactiveValuesUsed } from './inactive-values';
import { pgErrorFor } from './pg-error-for';
import { recordIssues } from './validation-issues';
import { enforceValidationRules, ruleContext } from './validation-rules';
import { enforceFieldConditions } from './field-conditions';
import { dependencyIssues } from './dependent-values';
import { applyDefaults } from './validate-payload';
import { assertMayAssignOwner } from './record-security';
import { requireObjectPermission } from '../security/record-access';
import { assertFieldsWritable } from '../security/field-access';
import { afterCreate, beforeCreate, type WriteOptions } from './write-hooks';

export const MAX_BULK_RECORDS = 10000;

/** Validates every record first; any invalid one refuses the whole batch with all issues. */
function validateAll(ctx: RecordContext, objectName: string, records: unknown[]): Record<string, unknown>[] {
  const obj = ctx.meta.object(objectName);
  const context = ruleContext(ctx, obj);
  const issues: Issue[] = [];
  const out = records.map((r, i) => {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) {
      issues.push({ path: `/records/${i}`, code: 'FIELD_TYPE', message: 'must be an object' });
      return {};
    }
    if (!obj.validateCreate(r)) issues.push(...recordIssues(obj.validateCreate.errors, `/records/${i}`));
    const values = applyDefaults(obj, r as Record<string, unknown>, context);
    issues.push(...dependencyIssues(obj.dependents, values, `/records/${i}`));
    for (const f of inactiveValuesUsed(obj, values)) issues.push({ path: `/records/${i}/${f}`, code: 'FIELD_NOT_IN_PICKLIST', message: 'this value is deactivated' });
    return values;
  });
  if (issues.length) throw new AppError('RECORD_VALIDATION_FAILED', `${issues.length} problem(s) in the batch; nothing was written`, { issues: issues.slice(0, 1000) });
  return out;
}

/** A pooled connection the caller holds, inside a transaction the caller opened. */
export type Connection = pg.Client;

/**
 * Validates the whole batch, reserves autonumbers with one counter update and
 * streams the rows with COPY, on a connection inside the caller's transaction.
 */
export async function copyRecords(ctx: RecordContext, conn: Connection, objectName: string, records: unknown, opts: WriteOptions = {}): Promise<string[]> {
  if (!Array.isArray(records) || records.length === 0 || records.length > MAX_BULK_RECORDS) {
    throw new AppError('REQUEST_INVALID', `"records" must be an array of 1 to ${MAX_BULK_RECORDS} records`);
  }
  const obj = ctx.meta.object(objectName);
  requireObjectPermission(ctx.access, objectName, 'create');
  const values = validateAll(ctx, objectName, records);
  records.forEach((r, i) => assertFieldsWritable(ctx.access, obj, Object.keys(r as object), `/records/${i}`));
  for (const owner of new Set(values.map((v) => v.owner_id).filter((o) => o !== undefined))) await assertMayAssignOwner(ctx, obj, owner);
  const rows = values.map((v) => ({ ...v, owner_id: v.owner_id ?? ctx.actor.userId }));
  await enforceFieldConditions(ctx, obj, rows.map((row, i) => ({ next: row, change: records[i] as Record<string, unknown> })), (i) => `/records/${i}`);
  await enforceValidationRules(ctx, obj, rows, (i) => `/records/${i}`);
  const explicitOwner = values.map((v) => v.owner_id !== undefined);
  await beforeCreate(ctx, obj, rows, explicitOwner, opts, (i) => `/records/${i}`);
  const fieldNames = [...obj.writable.keys()].filter((f) => f !== 'owner_id' && values.some((v) => v[f] !== undefined));
  const autos = obj.autonumbers;
  const columns = ['id', 'owner_id', 'created_by', 'updated_by', ...fieldNames, ...autos.map((a) => a.field.name)];
  const ids = values.map(() => randomUUID());
  const starts: number[] = [];
  for (const a of autos) {
    const r = await conn.query(`UPDATE ${qualified(ctx.meta.schema, '_autonumber')} SET value = value + $1 WHERE object = $2 AND field = $3 RETURNING value`, [values.length, obj.def.name, a.field.name]);
    starts.push(Number(r.rows[0].value) - values.length);
  }
  const now = new Date();
  const lines = values.map((v, i) => {
    const row: unknown[] = [ids[i], rows[i]!.owner_id, ctx.actor.userId, ctx.actor.userId, ...fieldNames.map((f) => v[f])];
    autos.forEach((a, j) => row.push(formatAutonumber(a.parts, starts[j]! + i + 1, now)));
    return row;
  });
  try {
    const copy = conn.query(copyFrom(`COPY ${obj.table} (${columns.map(quoteIdent).join(', ')}) FROM STDIN WITH (FORMAT csv)`));
    await pipeline(Readable.from(chunks(lines, csvLine)), copy);
  } catch (e) {
    throw pgErrorFor(obj, e);
  }
  await afterCreate(ctx, obj, ids, rows, explicitOwner);
  return ids;
}

/** Runs `work` on one pooled connection inside BEGIN … COMMIT (ROLLBACK on any error). */
export async function withConnectionTransaction<T>(ctx: RecordContext, work: (conn: Connection) => Promise<T>): Promise<T> {
  const conn = (await ctx.db.client.acquireConnection()) as Connection;
  try {
    await conn.query('BEGIN');
    const result = await work(conn);
    await conn.query('COMMIT');
    return result;
  } catch (e) {
    await conn.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await ctx.db.client.releaseConnection(conn);
  }
}

/** The bulk path: one batch, all or nothing. */
export async function bulkCreateRecords(ctx: RecordContext, objectName: string, records: unknown, opts: WriteOptions = {}): Promise<{ ids: string[] }> {
  return { ids: await withConnectionTransaction(ctx, (conn) => copyRecords(ctx, conn, objectName, records, opts)) };
}

function* chunks(rows: unknown[][], line: (r: unknown[]) => string): Generator<string> {
  let buf = '';
  for (const r of rows) {
    buf += line(r);
    if (buf.length > 256 * 1024) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}
