import { AppError } from '../core/errors';
import { runSql } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';
import type { Services } from '../http/services';
import type { RecordContext } from '../records/context';
import { pickLocale } from '../shared/labels';

/**
 * The record context of the user who started an import, rebuilt in the
 * worker (any process may run the job): their permissions and field-level
 * security as they are now, their locale for messages. A user deactivated
 * since is refused.
 */
export async function jobContext(s: Services, schema: string, userId: string): Promise<RecordContext> {
  const [u] = await runSql<{ tenant_id: string; is_admin: boolean; locale: string; active: boolean }>(
    s.db,
    `SELECT u.tenant_id, u.is_admin, u.locale, u.active FROM ${SYSTEM_SCHEMA}.users u JOIN ${SYSTEM_SCHEMA}.tenants t ON t.id = u.tenant_id WHERE u.id = ? AND t.schema_name = ?`,
    [userId, schema],
  );
  if (!u?.active) throw new AppError('AUTH_FORBIDDEN', 'the user who started the import is no longer active');
  const [meta, security] = await Promise.all([s.cache.get(schema), s.security.get(schema)]);
  return {
    db: s.db,
    meta,
    registry: s.registry,
    actor: { userId, tenantId: u.tenant_id, schema, isAdmin: u.is_admin },
    access: security.accessOf(userId, u.is_admin),
    locale: pickLocale(u.locale),
    log: s.log,
  };
}
