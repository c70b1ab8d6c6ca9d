import type { TenantMigration } from './tenant-migration';

/** Per-user preferences (home page widgets, saved list views) and recently viewed records. */
export const userPrefs: TenantMigration = {
  id: '005-user-prefs',
  sql: (s) => `
    CREATE TABLE ${s}._user_prefs (
      user_id uuid NOT NULL,
      key text NOT NULL,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, key)
    );
    CREATE TABLE ${s}._recent_records (
      user_id uuid NOT NULL,
      object text NOT NULL,
      record_id uuid NOT NULL,
      viewed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, object, record_id)
    );
    CREATE INDEX _recent_records_user ON ${s}._recent_records (user_id, viewed_at DESC);`,
};
