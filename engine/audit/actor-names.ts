import { runSql, type Executor } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';

/** Who made a change: the user's id, with their display name while the user exists. */
export interface AuditActor {
  id: string;
  displayName?: string;
}

/** Display names of the tenant's users among `ids`, in one query. */
export async function actorNames(db: Executor, tenantId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await runSql<{ id: string; display_name: string }>(db, `SELECT id, display_name FROM ${SYSTEM_SCHEMA}.users WHERE tenant_id = ? AND id = ANY(?::uuid[])`, [tenantId, wanted]);
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** An actor as answered: null when the change names nobody (e.g. written outside the API). */
export function auditActor(id: string | null, names: Map<string, string>): AuditActor | null {
  if (id === null) return null;
  const displayName = names.get(id);
  return displayName === undefined ? { id } : { id, displayName };
}
