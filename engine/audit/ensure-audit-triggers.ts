import type { Logger } from '../core/logger';
import { runSql, type Db } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';
import type { MetadataCache } from '../metadata/metadata-cache';
import { AUDIT_TRIGGER_NAMES, auditTriggersSql } from '../schema-engine/audit-trigger-sql';
import { qualified } from '../schema-engine/column-ddl';

/**
 * Object tables made before the audit trail existed have no audit triggers:
 * add them at start-up, so an upgraded installation audits every object.
 * New and changed objects get theirs from the schema engine.
 */
export async function ensureAuditTriggers(db: Db, cache: MetadataCache, log: Logger): Promise<void> {
  const tenants = await runSql<{ schema_name: string }>(db, `SELECT schema_name FROM ${SYSTEM_SCHEMA}.tenants`);
  for (const { schema_name: schema } of tenants) {
    const ready = await runSql<{ ok: boolean }>(db, 'SELECT to_regclass(?) IS NOT NULL AS ok', [qualified(schema, '_audit_log')]);
    if (!ready[0]?.ok) continue;
    const meta = await cache.get(schema);
    const missing = await runSql<{ name: string }>(
      db,
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ? AND c.relname = ANY(?) AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = ?)`,
      [schema, [...meta.snapshot.objects.keys()], AUDIT_TRIGGER_NAMES[0]],
    );
    for (const { name } of missing) {
      await db.transaction(async (trx) => {
        for (const sql of auditTriggersSql(schema, meta.snapshot.objects.get(name)!)) await trx.raw(sql);
      });
      log.info({ schema, object: name }, 'added audit triggers to an object made before the audit trail');
    }
  }
}
