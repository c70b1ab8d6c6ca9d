import type { TenantMigration } from './tenant-migration';

/** Metadata versions, the trash, autonumber counters and installed packs. */
export const baseTables: TenantMigration = {
  id: '001-base',
  sql: (s) => `
    CREATE TABLE ${s}._meta_versions (
      version integer PRIMARY KEY,
      created_at timestamptz NOT NULL DEFAULT now(),
      author_id uuid,
      summary text NOT NULL,
      snapshot jsonb NOT NULL,
      plan jsonb NOT NULL DEFAULT '[]'
    );
    CREATE TABLE ${s}._meta_trash (
      id serial PRIMARY KEY,
      kind text NOT NULL,
      object text NOT NULL,
      field text,
      trash_name text NOT NULL,
      column_type text,
      version integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      restored_at timestamptz
    );
    CREATE TABLE ${s}._autonumber (
      object text NOT NULL,
      field text NOT NULL,
      value bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (object, field)
    );
    CREATE TABLE ${s}._packs (
      name text PRIMARY KEY,
      version text NOT NULL,
      metadata_version integer NOT NULL,
      installed_at timestamptz NOT NULL DEFAULT now()
    );
    INSERT INTO ${s}._meta_versions (version, summary, snapshot) VALUES (0, 'empty', '{"objects":{},"valueSets":{}}');`,
};
