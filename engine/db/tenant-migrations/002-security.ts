import type { TenantMigration } from './tenant-migration';

/**
 * Departments and roles (trees), where each user sits in them, permission
 * sets and their assignments, sharing rules, and record shares (team members
 * and manual shares). A built-in "standard" permission set lets a new user
 * work with every object until an admin narrows it.
 */
export const securityTables: TenantMigration = {
  id: '002-security',
  sql: (s) => `
    CREATE TABLE ${s}._departments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      label jsonb NOT NULL,
      parent_id uuid REFERENCES ${s}._departments(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE ${s}._roles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      label jsonb NOT NULL,
      parent_id uuid REFERENCES ${s}._roles(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE ${s}._permission_sets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      label jsonb NOT NULL,
      admin boolean NOT NULL DEFAULT false,
      objects jsonb NOT NULL DEFAULT '{}',
      assign_by_default boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE ${s}._user_access (
      user_id uuid PRIMARY KEY,
      role_id uuid REFERENCES ${s}._roles(id),
      department_id uuid REFERENCES ${s}._departments(id),
      manages_department boolean NOT NULL DEFAULT false
    );
    CREATE TABLE ${s}._user_permission_sets (
      user_id uuid NOT NULL,
      permission_set_id uuid NOT NULL REFERENCES ${s}._permission_sets(id) ON DELETE CASCADE,
      PRIMARY KEY (user_id, permission_set_id)
    );
    CREATE TABLE ${s}._sharing_rules (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      object text NOT NULL,
      name text NOT NULL,
      label jsonb NOT NULL,
      criteria jsonb NOT NULL,
      share_with_kind text NOT NULL CHECK (share_with_kind IN ('user', 'role', 'department')),
      share_with_id uuid NOT NULL,
      access text NOT NULL CHECK (access IN ('read', 'edit')),
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (object, name)
    );
    CREATE TABLE ${s}._record_shares (
      object text NOT NULL,
      record_id uuid NOT NULL,
      reason text NOT NULL CHECK (reason IN ('team', 'manual')),
      principal_kind text NOT NULL CHECK (principal_kind IN ('user', 'role', 'department')),
      principal_id uuid NOT NULL,
      access text NOT NULL CHECK (access IN ('read', 'edit')),
      team_role text,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (object, record_id, reason, principal_id)
    );
    CREATE INDEX _record_shares_principal ON ${s}._record_shares (principal_id, object, record_id);
    INSERT INTO ${s}._permission_sets (name, label, objects, assign_by_default)
      VALUES ('standard', '{"en": "Standard user", "zh-CN": "标准用户"}', '{"*": {"create": true, "read": true, "edit": true, "delete": true}}', true);`,
};
