import type { TenantMigration } from './tenant-migration';

/** Which records were converted into which (one row per source record: a second conversion is refused by the primary key). (Placeholder SQL until the feature lands.) */
export const conversionsTables: TenantMigration = {
  id: '006-conversions',
  sql: () => 'SELECT 1',
};
