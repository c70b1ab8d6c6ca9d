import type { Logger } from '../core/logger';
import { runSql, type Db } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';
import type { MetadataCache } from '../metadata/metadata-cache';
import { qualified, SHARE_COLUMNS_SQL } from '../schema-engine/column-ddl';

/**
 * Object tables made before record shares were kept on the row get the two
 * share-array columns at start-up, filled from `_record_shares`. New tables
 * are created with them.
 */
export async function ensureShareColumns(db: Db, cache: MetadataCache, log: Logger): Promise<void> {
  const tenants = await runSql<{ schema_name: string }>(db, `SELECT schema_name FROM ${SYSTEM_SCHEMA}.tenants`);
  for (const { schema_name: schema } of tenants) {
    const meta = await cache.get(schema);
    const missing = await runSql<{ name: string }>(
      db,
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = ? AND c.relkind = 'r' AND c.relname = ANY(?)
         AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = '_shared_read' AND NOT a.attisdropped)`,
      [schema, [...meta.snapshot.objects.keys()]],
    );
    for (const { name } of missing) {
      await db.transaction(async (trx) => {
        await trx.raw(`ALTER TABLE ${qualified(schema, name)} ${SHARE_COLUMNS_SQL.map((c) => `ADD COLUMN IF NOT EXISTS ${c}`).join(', ')}`);
        // Re-writing the object's shares makes the trigger fill the arrays.
        await trx.raw(`UPDATE ${qualified(schema, '_record_shares')} SET access = access WHERE object = ?`, [name]);
      });
      log.info({ schema, object: name }, 'added record-share columns to an object made before them');
    }
  }
}
