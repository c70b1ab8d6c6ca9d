import type { Db, Executor } from '../../db/knex';
import type { PgListener } from '../../db/pg-listener';
import { loadSecurityModel } from './load-security-model';
import type { SecurityModel } from './security-model';

export const SECURITY_CHANNEL = 'tessera_security';

/** Tells every process (this one included, on commit) that a tenant's security model changed. */
export async function notifySecurityChange(db: Executor, schema: string): Promise<void> {
  await db.raw('SELECT pg_notify(?, ?)', [SECURITY_CHANNEL, schema]);
}

/**
 * Each tenant's security model, loaded once and dropped when an admin changes
 * roles, departments, permission sets, sharing rules or a user's placement
 * (in any process, through LISTEN/NOTIFY).
 */
export class SecurityCache {
  private readonly entries = new Map<string, Promise<SecurityModel>>();

  constructor(private readonly db: Db) {}

  get(schema: string): Promise<SecurityModel> {
    let entry = this.entries.get(schema);
    if (!entry) {
      entry = loadSecurityModel(this.db, schema);
      this.entries.set(schema, entry);
      entry.catch(() => this.entries.delete(schema));
    }
    return entry;
  }

  invalidate(schema: string): void {
    this.entries.delete(schema);
  }

  subscribe(listener: PgListener): void {
    listener.on(SECURITY_CHANNEL, (schema) => this.invalidate(schema), () => this.entries.clear());
  }
}
