import type { TenantMigration } from './tenant-migration';

/**
 * CSV import jobs: the uploaded file, the column mapping, progress and
 * rejected rows. `processed` is advanced in the same transaction as each
 * batch's records, so a job restarted after a crash resumes after the last
 * committed batch; `rejected_file` grows with each batch (CSV, UTF-8 with BOM).
 */
export const importsTables: TenantMigration = {
  id: '008-imports',
  sql: (s) => `
    CREATE TABLE ${s}._import_jobs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      object text NOT NULL,
      created_by uuid NOT NULL,
      file_name text,
      file bytea NOT NULL,
      encoding text NOT NULL CHECK (encoding IN ('utf-8', 'gbk')),
      mode text NOT NULL DEFAULT 'insert' CHECK (mode IN ('insert', 'update', 'upsert')),
      key_field text,
      header jsonb NOT NULL DEFAULT '[]',
      mapping jsonb NOT NULL DEFAULT '{}',
      allow_duplicates boolean NOT NULL DEFAULT false,
      status text NOT NULL DEFAULT 'uploaded' CHECK (status IN ('uploaded', 'validating', 'ready', 'running', 'done', 'failed', 'cancelled')),
      total integer NOT NULL DEFAULT 0,
      processed integer NOT NULL DEFAULT 0,
      inserted integer NOT NULL DEFAULT 0,
      updated integer NOT NULL DEFAULT 0,
      rejected integer NOT NULL DEFAULT 0,
      errors jsonb NOT NULL DEFAULT '[]',
      rejected_file bytea,
      dry_run jsonb,
      message text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz
    );
    CREATE INDEX _import_jobs_created_by ON ${s}._import_jobs (created_by, created_at DESC);`,
};
