import { runSql } from '../db/knex';
import type { RecordContext, RecordRow } from '../records/context';
import { readRecord } from '../records/read-record';
import { requireRecordId } from '../records/record-id';
import { qualified } from '../schema-engine/column-ddl';
import { actorNames, auditActor } from './actor-names';
import { AUDIT_COLUMNS, type AuditEntry, type AuditRow } from './audit-entry';
import { pageOf, type AuditPage } from './audit-page';

/** The changes to fields the reader can see in the record (field-level security applies to history too). */
function visibleChanges(changes: Record<string, unknown>, record: RecordRow): Record<string, unknown> {
  return Object.fromEntries(Object.entries(changes).filter(([field]) => field in record));
}

/** A merge entry: the merged records, and the source of each chosen value only for fields the reader can see. */
function mergeChanges(changes: Record<string, unknown>, record: RecordRow): Record<string, unknown> {
  const values = changes.values as Record<string, unknown> | undefined;
  return values ? { ...changes, values: visibleChanges(values, record) } : changes;
}

/**
 * history = read the record as the user may (404 for a record they may not
 * see, hidden fields omitted) → one page of its audit rows, newest first →
 * only changes to fields they can see (an update that touched none of them
 * is left out) → actor names.
 */
export async function recordHistory(ctx: RecordContext, objectName: string, id: string, page: AuditPage): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
  const record = await readRecord(ctx, objectName, id);
  const below = page.before === undefined ? '' : ' AND id < ?';
  const rows = await runSql<AuditRow>(
    ctx.db,
    `SELECT ${AUDIT_COLUMNS} FROM ${qualified(ctx.meta.schema, '_audit_log')} WHERE object = ? AND record_id = ?${below} ORDER BY id DESC LIMIT ?`,
    [objectName, requireRecordId(id), ...(page.before === undefined ? [] : [page.before]), page.limit + 1],
  );
  const { rows: kept, nextBefore } = pageOf(rows, page, (r) => r.id);
  const names = await actorNames(ctx.db, ctx.actor.tenantId, kept.map((r) => r.actor_id));
  const entries = kept
    .map((r): AuditEntry => ({ id: r.id, at: r.at.toISOString(), actor: auditActor(r.actor_id, names), action: r.action, changes: r.action === 'merge' ? mergeChanges(r.changes, record) : visibleChanges(r.changes, record) }))
    .filter((e) => e.action !== 'update' || Object.keys(e.changes).length > 0);
  return { entries, nextBefore };
}
