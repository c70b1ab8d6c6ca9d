import { AppError } from '../core/errors';
import { quoteIdent, runSql, type Trx } from '../db/knex';
import type { CompiledObject } from '../metadata/compiled-object';
import type { RecordContext, RecordRow } from '../records/context';
import { deleteError } from '../records/delete-record';
import { pgErrorFor } from '../records/pg-error-for';
import { accessSql, assertActiveUser, explainMissedWrites, outputRecord } from '../records/record-security';
import { toApiRecord } from '../records/row-output';
import { validatePayload } from '../records/validate-payload';
import { enforceValidationRules } from '../records/validation-rules';
import { qualified } from '../schema-engine/column-ddl';
import { assertFieldsWritable } from '../security/field-access';
import { requireObjectPermission } from '../security/record-access';
import { parseMergeRequest, type MergeRequest } from './merge-request';

/** What a merge did. */
export interface MergeResult {
  /** The survivor as the user may read it now. */
  record: RecordRow;
  merged: string[];
  /** Lookups moved from the merged records to the survivor, per object and field. */
  reparented: { object: string; field: string; count: number }[];
}

/** Locks the survivor and the merged records the user has full access to; any other is 404 (unseen) or 403 (seen), nothing changed. */
async function lockRecords(ctx: RecordContext, obj: CompiledObject, req: MergeRequest): Promise<Map<string, RecordRow>> {
  const ids = [req.survivor, ...req.merged];
  const full = accessSql(ctx, obj, 'full');
  const locked = await runSql<{ id: string }>(ctx.db, `SELECT id FROM ${obj.table} WHERE id = ANY(?::uuid[])${full ? ` AND ${full.sql}` : ''} ORDER BY id FOR UPDATE`, [ids, ...(full?.params ?? [])]);
  if (locked.length < ids.length) await explainMissedWrites(ctx, obj, ids, locked.map((r) => r.id), 'merge', 'merged');
  const rows = await runSql<RecordRow>(ctx.db, `SELECT ${obj.selectList} FROM ${obj.table} WHERE id = ANY(?::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id as string, toApiRecord(obj, r)]));
}

/** The survivor's new values: each chosen field from the record whose value wins (validated like an update, then the object's rules). */
async function chosenValues(ctx: RecordContext, obj: CompiledObject, req: MergeRequest, records: Map<string, RecordRow>): Promise<RecordRow> {
  const survivor = records.get(req.survivor)!;
  const change: RecordRow = {};
  for (const [field, from] of Object.entries(req.values)) {
    if (from !== req.survivor) change[field] = records.get(from)![field] ?? null;
  }
  assertFieldsWritable(ctx.access, obj, Object.keys(change), '/values');
  validatePayload(obj, change, 'update', '/values');
  if ('owner_id' in change && change.owner_id !== survivor.owner_id) await assertActiveUser(ctx, change.owner_id, '/values/owner_id');
  await enforceValidationRules(ctx, obj, [{ ...survivor, ...change }]);
  return change;
}

/** Every lookup of every object that points at a merged record now points at the survivor (roll-up triggers follow the move). */
async function reparent(ctx: RecordContext, obj: CompiledObject, req: MergeRequest): Promise<MergeResult['reparented']> {
  const moved: MergeResult['reparented'] = [];
  for (const def of ctx.meta.snapshot.objects.values()) {
    for (const f of def.fields.filter((x) => x.type === 'lookup' && x.options.target === obj.def.name)) {
      const col = quoteIdent(f.name);
      const rows = await runSql<{ n: number }>(
        ctx.db,
        `WITH u AS (UPDATE ${ctx.meta.object(def.name).table} SET ${col} = ?, updated_at = now(), updated_by = ?, version = version + 1 WHERE ${col} = ANY(?::uuid[]) RETURNING 1) SELECT count(*)::int AS n FROM u`,
        [req.survivor, ctx.actor.userId, req.merged],
      );
      if (rows[0]!.n > 0) moved.push({ object: def.name, field: f.name, count: rows[0]!.n });
    }
  }
  return moved;
}

/** Team members and manual shares of the merged records move to the survivor (edit wins over read when both name someone). */
async function moveShares(ctx: RecordContext, obj: CompiledObject, req: MergeRequest): Promise<void> {
  const shares = qualified(obj.schema, '_record_shares');
  await runSql(
    ctx.db,
    `INSERT INTO ${shares} AS s (object, record_id, reason, principal_kind, principal_id, access, team_role, created_by, created_at) ` +
      `SELECT DISTINCT ON (reason, principal_id) object, ?::uuid, reason, principal_kind, principal_id, access, team_role, created_by, created_at FROM ${shares} ` +
      `WHERE object = ? AND record_id = ANY(?::uuid[]) ORDER BY reason, principal_id, access = 'edit' DESC ` +
      `ON CONFLICT (object, record_id, reason, principal_id) DO UPDATE SET access = CASE WHEN EXCLUDED.access = 'edit' THEN 'edit' ELSE s.access END`,
    [req.survivor, obj.def.name, req.merged],
  );
  await runSql(ctx.db, `DELETE FROM ${shares} WHERE object = ? AND record_id = ANY(?::uuid[])`, [obj.def.name, req.merged]);
}

/**
 * Bookkeeping that names records by id follows the merge: notifications about
 * a merged record point at the survivor, recently-viewed entries of merged
 * records go (the survivor keeps its own). A merged record that was converted
 * keeps its _conversions row: the conversion happened to that record.
 */
async function moveBookkeeping(ctx: RecordContext, obj: CompiledObject, req: MergeRequest): Promise<void> {
  await runSql(ctx.db, `UPDATE ${qualified(obj.schema, '_notifications')} SET record_id = ? WHERE object = ? AND record_id = ANY(?::uuid[])`, [req.survivor, obj.def.name, req.merged]);
  await runSql(ctx.db, `DELETE FROM ${qualified(obj.schema, '_recent_records')} WHERE object = ? AND record_id = ANY(?::uuid[])`, [obj.def.name, req.merged]);
}

/** The merge in the audit trail: on the survivor (what was merged, where each chosen value came from) and on each merged record (into what). */
async function auditMerge(ctx: RecordContext, obj: CompiledObject, req: MergeRequest, records: Map<string, RecordRow>): Promise<void> {
  const named = (id: string) => ({ id, name: records.get(id)!.name ?? null });
  const rows = [
    [req.survivor, { merged: req.merged.map(named), values: req.values }],
    ...req.merged.map((id) => [id, { into: named(req.survivor) }] as const),
  ];
  await runSql(
    ctx.db,
    `INSERT INTO ${qualified(obj.schema, '_audit_log')} (actor_id, action, object, record_id, changes) SELECT ?::uuid, 'merge', ?, r.id, r.changes FROM unnest(?::uuid[], ?::jsonb[]) AS r(id, changes)`,
    [ctx.actor.userId, obj.def.name, rows.map((r) => r[0]), rows.map((r) => JSON.stringify(r[1]))],
  );
}

async function mergeIn(ctx: RecordContext, obj: CompiledObject, req: MergeRequest): Promise<MergeResult> {
  // The audit triggers name the actor of the updates and deletes below.
  await runSql(ctx.db, "SELECT set_config('tessera.actor_id', ?, true)", [ctx.actor.userId]);
  const records = await lockRecords(ctx, obj, req);
  const current = records.get(req.survivor)!.version as number;
  if (req.version !== undefined && req.version !== current) {
    throw new AppError('RECORD_VERSION_CONFLICT', `${obj.def.name} ${req.survivor} was changed by someone else (now version ${current})`, { currentVersion: current, yourVersion: req.version });
  }
  const change = await chosenValues(ctx, obj, req, records);
  const reparented = await reparent(ctx, obj, req);
  await moveShares(ctx, obj, req);
  await moveBookkeeping(ctx, obj, req);
  try {
    await runSql(ctx.db, `DELETE FROM ${obj.table} WHERE id = ANY(?::uuid[])`, [req.merged]);
  } catch (e) {
    throw deleteError(ctx, obj, e, 'one of the merged records', '; nothing was merged');
  }
  // After the deletes, so a unique value can move from a merged record to the survivor.
  const sets = Object.keys(change).map((k) => `${quoteIdent(k)} = ?`);
  let rows;
  try {
    rows = await runSql<RecordRow>(ctx.db, `UPDATE ${obj.table} SET ${[...sets, 'updated_at = now()', 'updated_by = ?', 'version = version + 1'].join(', ')} WHERE id = ? RETURNING ${obj.selectList}`, [...Object.values(change), ctx.actor.userId, req.survivor]);
  } catch (e) {
    throw pgErrorFor(obj, e);
  }
  await auditMerge(ctx, obj, req, records);
  return { record: outputRecord(ctx, obj, rows[0]!), merged: req.merged, reparented };
}

/**
 * merge = authorize (edit and delete permission, full access to every
 * record) → check the request → in one transaction: lock, version, the
 * survivor's chosen values (validation rules apply), re-parent every lookup
 * to the merged records, move their shares, delete them, update the
 * survivor, audit. All or nothing.
 */
export async function mergeRecords(ctx: RecordContext, objectName: string, body: unknown): Promise<MergeResult> {
  const obj = ctx.meta.object(objectName);
  requireObjectPermission(ctx.access, objectName, 'edit');
  requireObjectPermission(ctx.access, objectName, 'delete');
  const req = parseMergeRequest(obj, body);
  const run = (trx: Trx) => mergeIn({ ...ctx, db: trx }, obj, req);
  return (ctx.db as { isTransaction?: boolean }).isTransaction ? run(ctx.db as Trx) : ctx.db.transaction(run);
}
