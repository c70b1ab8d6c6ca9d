import type { TenantMigration } from './tenant-migration';

/**
 * The audit trail: one row per record created, updated or deleted, written by
 * statement-level triggers on every object table (so every write path is
 * covered: the record API, bulk COPY, foreign-key cascades and set-nulls).
 *
 * `_audit_changes()` is the one trigger function; each object table calls it
 * from three AFTER … FOR EACH STATEMENT triggers (planned by the schema
 * engine) with the columns not to audit as arguments. Columns whose names
 * start with _ (fields moved to the trash) are never recorded either. One
 * INSERT … SELECT per statement over the transition table, never a loop:
 * - create: the new non-null values, by created_by;
 * - update: {field: [old, new]} for the fields that changed, by the
 *   transaction's tessera.actor_id if set, else updated_by; no row when no
 *   audited field changed (e.g. a roll-up recompute);
 * - delete: the old non-null values, by tessera.actor_id (set by the delete
 *   statement, seen by the cascades it causes).
 *
 * Rows cannot be changed or removed: UPDATE, DELETE and TRUNCATE are refused.
 */
export const auditTables: TenantMigration = {
  id: '003-audit',
  sql: (s) => `
    CREATE TABLE ${s}._audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id uuid,
      action text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
      object text NOT NULL,
      record_id uuid NOT NULL,
      changes jsonb NOT NULL
    );
    CREATE INDEX _audit_log_record ON ${s}._audit_log (object, record_id, id);
    CREATE INDEX _audit_log_actor ON ${s}._audit_log (actor_id, id);

    CREATE FUNCTION ${s}._audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $body$
    BEGIN
      RAISE EXCEPTION 'the audit trail cannot be changed (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
    END
    $body$;
    CREATE TRIGGER _audit_log_immutable BEFORE UPDATE OR DELETE ON ${s}._audit_log FOR EACH STATEMENT EXECUTE FUNCTION ${s}._audit_refuse();
    CREATE TRIGGER _audit_log_no_truncate BEFORE TRUNCATE ON ${s}._audit_log FOR EACH STATEMENT EXECUTE FUNCTION ${s}._audit_refuse();

    CREATE FUNCTION ${s}._audit_changes() RETURNS trigger LANGUAGE plpgsql AS $body$
    DECLARE
      _skip text[] := TG_ARGV;
      _actor uuid := nullif(current_setting('tessera.actor_id', true), '')::uuid;
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO ${s}._audit_log (actor_id, action, object, record_id, changes)
        SELECT n.created_by, 'create', TG_TABLE_NAME, n.id, jsonb_strip_nulls(to_jsonb(n) - _skip)
        FROM new_rows n;
      ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO ${s}._audit_log (actor_id, action, object, record_id, changes)
        SELECT coalesce(_actor, n.updated_by), 'update', TG_TABLE_NAME, n.id, c.changes
        FROM new_rows n
        JOIN old_rows o ON o.id = n.id
        CROSS JOIN LATERAL (SELECT to_jsonb(o) - _skip AS old_values, to_jsonb(n) - _skip AS new_values) j
        CROSS JOIN LATERAL (
          SELECT jsonb_object_agg(e.key, jsonb_build_array(j.old_values -> e.key, e.value)) AS changes
          FROM jsonb_each(j.new_values) e
          WHERE e.value IS DISTINCT FROM j.old_values -> e.key
        ) c
        WHERE j.old_values <> j.new_values;
      ELSE
        -- Fields moved to the trash keep their column (renamed _trash_…) but are never written
        -- again: null in new rows, unchanged by updates. Only a delete would show their values.
        _skip := _skip || ARRAY(
          SELECT a.attname::text FROM pg_catalog.pg_attribute a
          WHERE a.attrelid = TG_RELID AND a.attnum > 0 AND NOT a.attisdropped AND a.attname LIKE '\\_%'
        );
        INSERT INTO ${s}._audit_log (actor_id, action, object, record_id, changes)
        SELECT _actor, 'delete', TG_TABLE_NAME, o.id, jsonb_strip_nulls(to_jsonb(o) - _skip)
        FROM old_rows o;
      END IF;
      RETURN NULL;
    END
    $body$;`,
};
