import type { TenantMigration } from './tenant-migration';

/** CSV import jobs: the uploaded file, the column mapping, progress and rejected rows. (Placeholder SQL until the feature lands.) */
export const importsTables: TenantMigration = {
  id: '008-imports',
  sql: () => 'SELECT 1',
};
