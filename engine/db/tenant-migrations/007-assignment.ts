import type { TenantMigration } from './tenant-migration';

/**
 * Round-robin positions of assignment rules (one row per object and rule; a
 * batch reserves its positions with one UPDATE … RETURNING under the row's
 * lock), and users' in-app notifications (the bell reads a user's unread ones
 * newest first through a partial index).
 */
export const assignmentTables: TenantMigration = {
  id: '007-assignment',
  sql: (s) => `
    CREATE TABLE ${s}._assignment_state (
      object text NOT NULL,
      rule text NOT NULL,
      position bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (object, rule)
    );
    CREATE TABLE ${s}._notifications (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id uuid NOT NULL,
      kind text NOT NULL,
      object text,
      record_id uuid,
      title jsonb NOT NULL,
      body text,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    );
    CREATE INDEX _notifications_user ON ${s}._notifications (user_id, id DESC);
    CREATE INDEX _notifications_user_unread ON ${s}._notifications (user_id, id DESC) WHERE read_at IS NULL;`,
};
