import type { TenantMigration } from './tenant-migration';

/**
 * Which records were converted into which: one row per source record, so a
 * second conversion is refused by the primary key even when two requests
 * race. `targets` maps each target key to `{object, id, created}`.
 */
export const conversionsTables: TenantMigration = {
  id: '006-conversions',
  sql: (s) => `
    CREATE TABLE ${s}._conversions (
      object text NOT NULL,
      record_id uuid NOT NULL,
      targets jsonb NOT NULL,
      converted_by uuid NOT NULL,
      converted_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (object, record_id)
    );`,
};
