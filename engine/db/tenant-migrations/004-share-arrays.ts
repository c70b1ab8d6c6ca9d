import type { TenantMigration } from './tenant-migration';

/**
 * Each object table carries, per record, the principals its record shares
 * name: `_shared_read` (every share) and `_shared_edit` (edit shares), null
 * when there are none. The access predicate then checks a share with one
 * array overlap on the row (`_shared_read && ARRAY[the user's principals]`)
 * instead of building a hash of every share the user's principals have on
 * each query — the same cost for a rep's page as an admin's, and no subplan.
 *
 * `_record_shares` stays the source of truth (who shared, when, team roles);
 * this statement-level trigger keeps the arrays in step in the same
 * transaction, whatever writes the shares. Shares of an object whose table is
 * in the trash are skipped (they cannot change while it is there).
 */
export const shareArrays: TenantMigration = {
  id: '004-share-arrays',
  sql: (s) => `
    CREATE FUNCTION ${s}._sync_share_arrays() RETURNS trigger LANGUAGE plpgsql AS $body$
    DECLARE
      _keys text := CASE TG_OP
        WHEN 'INSERT' THEN 'SELECT object, record_id FROM new_rows'
        WHEN 'DELETE' THEN 'SELECT object, record_id FROM old_rows'
        ELSE 'SELECT object, record_id FROM new_rows UNION SELECT object, record_id FROM old_rows' END;
      _obj text;
    BEGIN
      FOR _obj IN EXECUTE 'SELECT DISTINCT object FROM (' || _keys || ') k' LOOP
        CONTINUE WHEN to_regclass(format('%I.%I', TG_TABLE_SCHEMA, _obj)) IS NULL;
        EXECUTE format(
          'UPDATE %1$I.%2$I t SET _shared_read = x.r, _shared_edit = x.e
           FROM (SELECT k.record_id,
                        NULLIF(ARRAY(SELECT s.principal_id FROM %1$I._record_shares s WHERE s.object = $1 AND s.record_id = k.record_id ORDER BY 1), ''{}'') AS r,
                        NULLIF(ARRAY(SELECT s.principal_id FROM %1$I._record_shares s WHERE s.object = $1 AND s.record_id = k.record_id AND s.access = ''edit'' ORDER BY 1), ''{}'') AS e
                 FROM (SELECT DISTINCT record_id FROM (%3$s) k0 WHERE object = $1) k) x
           WHERE t.id = x.record_id',
          TG_TABLE_SCHEMA, _obj, _keys) USING _obj;
      END LOOP;
      RETURN NULL;
    END
    $body$;
    CREATE TRIGGER _record_shares_ins AFTER INSERT ON ${s}._record_shares REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${s}._sync_share_arrays();
    CREATE TRIGGER _record_shares_upd AFTER UPDATE ON ${s}._record_shares REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${s}._sync_share_arrays();
    CREATE TRIGGER _record_shares_del AFTER DELETE ON ${s}._record_shares REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${s}._sync_share_arrays();`,
};
