import type { TenantMigration } from './tenant-migration';

/** The audit trail (filled in by the audit work). */
export const auditTables: TenantMigration = {
  id: '003-audit',
  sql: () => 'SELECT 1',
};
