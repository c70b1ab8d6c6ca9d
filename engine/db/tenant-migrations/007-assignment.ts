import type { TenantMigration } from './tenant-migration';

/** Round-robin positions of assignment rules, and users' in-app notifications. (Placeholder SQL until the feature lands.) */
export const assignmentTables: TenantMigration = {
  id: '007-assignment',
  sql: () => 'SELECT 1',
};
