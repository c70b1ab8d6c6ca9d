import { runSql } from '../db/knex';
import { qualified } from '../schema-engine/column-ddl';
import type { RecordContext } from '../records/context';
import { readRecord } from '../records/read-record';
import { listRecords } from '../records/list-records';

/** How many recently viewed records a user keeps. */
export const RECENT_LIMIT = 30;

/**
 * Notes that the user opened a record — only one they may read (else the
 * read answers 404 and nothing is noted). Older entries beyond the limit go.
 */
export async function noteRecentRecord(ctx: RecordContext, objectName: string, id: string): Promise<void> {
  await readRecord(ctx, objectName, id);
  const t = qualified(ctx.meta.schema, '_recent_records');
  await runSql(
    ctx.db,
    `WITH up AS (INSERT INTO ${t} (user_id, object, record_id) VALUES (?, ?, ?) ON CONFLICT (user_id, object, record_id) DO UPDATE SET viewed_at = now() RETURNING 1)
     DELETE FROM ${t} WHERE user_id = ? AND (object, record_id) IN (SELECT object, record_id FROM ${t} WHERE user_id = ? ORDER BY viewed_at DESC OFFSET ?) AND EXISTS (SELECT 1 FROM up)`,
    [ctx.actor.userId, objectName, id, ctx.actor.userId, ctx.actor.userId, RECENT_LIMIT - 1],
  );
}

/** A recently viewed record, newest first, with its name as the user may see it now. */
export interface RecentRecord {
  object: string;
  id: string;
  name: unknown;
  viewedAt: string;
}

/**
 * The user's recently viewed records that still exist and are still visible
 * to them (each object's records fetched in one list call, so access applies).
 */
export async function listRecentRecords(ctx: RecordContext): Promise<RecentRecord[]> {
  const rows = await runSql<{ object: string; record_id: string; viewed_at: Date }>(
    ctx.db,
    `SELECT object, record_id, viewed_at FROM ${qualified(ctx.meta.schema, '_recent_records')} WHERE user_id = ? ORDER BY viewed_at DESC LIMIT ?`,
    [ctx.actor.userId, RECENT_LIMIT],
  );
  const byObject = new Map<string, string[]>();
  for (const r of rows) if (ctx.meta.snapshot.objects.has(r.object)) byObject.set(r.object, [...(byObject.get(r.object) ?? []), r.record_id]);
  const names = new Map<string, unknown>();
  for (const [object, ids] of byObject) {
    if (!ctx.access.object(object).read) continue;
    const page = await listRecords(ctx, object, { filter: { in: [{ var: 'id' }, ids] }, fields: ['name'], sort: [], limit: ids.length, count: false });
    for (const rec of page.records) names.set(`${object}:${rec.id as string}`, rec.name);
  }
  return rows.filter((r) => names.has(`${r.object}:${r.record_id}`)).map((r) => ({ object: r.object, id: r.record_id, name: names.get(`${r.object}:${r.record_id}`), viewedAt: r.viewed_at.toISOString() }));
}
