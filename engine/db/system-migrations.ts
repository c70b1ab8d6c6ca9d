import type { Db } from './knex';

/** The schema holding tenants, users, sessions and tokens. */
export const SYSTEM_SCHEMA = 'tessera_system';

interface Migration {
  id: string;
  sql: string;
}

/** Append-only: never edit a migration that has shipped, add a new one. */
const migrations: Migration[] = [
  {
    id: '001-tenants-users-sessions',
    sql: `
      CREATE TABLE ${SYSTEM_SCHEMA}.tenants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        schema_name text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE ${SYSTEM_SCHEMA}.users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES ${SYSTEM_SCHEMA}.tenants(id) ON DELETE CASCADE,
        email text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        is_admin boolean NOT NULL DEFAULT false,
        locale text NOT NULL DEFAULT 'en',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_tenant_email ON ${SYSTEM_SCHEMA}.users (tenant_id, lower(email));
      CREATE INDEX users_email ON ${SYSTEM_SCHEMA}.users (lower(email));
      CREATE TABLE ${SYSTEM_SCHEMA}.sessions (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES ${SYSTEM_SCHEMA}.users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX sessions_expires ON ${SYSTEM_SCHEMA}.sessions (expires_at);
      CREATE TABLE ${SYSTEM_SCHEMA}.api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES ${SYSTEM_SCHEMA}.tenants(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES ${SYSTEM_SCHEMA}.users(id) ON DELETE CASCADE,
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      );`,
  },
  {
    id: '002-login-hardening',
    sql: `
      -- Failed sign-ins in a row per (email, organisation given); shared by every process.
      CREATE TABLE ${SYSTEM_SCHEMA}.login_lockouts (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        last_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz
      );
      CREATE INDEX login_lockouts_last_attempt ON ${SYSTEM_SCHEMA}.login_lockouts (last_attempt_at);
      -- Hits per client key (IP) in fixed windows, for the per-IP sign-in limit.
      CREATE TABLE ${SYSTEM_SCHEMA}.login_rate_limits (
        key text PRIMARY KEY,
        hits integer NOT NULL,
        reset_at timestamptz NOT NULL
      );
      CREATE INDEX login_rate_limits_reset ON ${SYSTEM_SCHEMA}.login_rate_limits (reset_at);
      -- Every sign-in attempt; append-only (no API updates or deletes them).
      CREATE TABLE ${SYSTEM_SCHEMA}.login_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id uuid REFERENCES ${SYSTEM_SCHEMA}.tenants(id) ON DELETE CASCADE,
        user_id uuid REFERENCES ${SYSTEM_SCHEMA}.users(id) ON DELETE SET NULL,
        email text NOT NULL,
        success boolean NOT NULL,
        reason text NOT NULL,
        ip text,
        user_agent text,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX login_events_tenant ON ${SYSTEM_SCHEMA}.login_events (tenant_id, id DESC);
      CREATE INDEX login_events_tenant_user ON ${SYSTEM_SCHEMA}.login_events (tenant_id, user_id, id DESC);`,
  },
  {
    id: '003-pg-trgm',
    // Trigram similarity for fuzzy duplicate rules (a trusted extension: the database owner may create it).
    sql: `CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;`,
  },
  {
    id: '004-web-forms',
    // Web-to-lead forms live in the system schema: the public endpoint finds the tenant from the form id alone.
    sql: `
      CREATE TABLE ${SYSTEM_SCHEMA}.web_forms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES ${SYSTEM_SCHEMA}.tenants(id) ON DELETE CASCADE,
        name text NOT NULL,
        object text NOT NULL DEFAULT 'lead',
        fields jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'array'),
        key_hash text NOT NULL,
        honeypot text NOT NULL,
        owner_id uuid NOT NULL REFERENCES ${SYSTEM_SCHEMA}.users(id),
        success_url text,
        active boolean NOT NULL DEFAULT true,
        submissions integer NOT NULL DEFAULT 0,
        spam integer NOT NULL DEFAULT 0,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX web_forms_tenant ON ${SYSTEM_SCHEMA}.web_forms (tenant_id, created_at);`,
  },
];

/** Applies pending system migrations, one transaction each, serialized across processes. */
export async function migrateSystem(db: Db): Promise<void> {
  await db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', ['tessera_system_migrations']);
    await trx.raw(`CREATE SCHEMA IF NOT EXISTS ${SYSTEM_SCHEMA}`);
    await trx.raw(`CREATE TABLE IF NOT EXISTS ${SYSTEM_SCHEMA}.migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await trx.raw(`SELECT id FROM ${SYSTEM_SCHEMA}.migrations`)).rows.map((r: { id: string }) => r.id));
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      await trx.raw(m.sql);
      await trx.raw(`INSERT INTO ${SYSTEM_SCHEMA}.migrations (id) VALUES (?)`, [m.id]);
    }
  });
}
