import type { TenantMigration } from './tenant-migration';

/**
 * Merging duplicates is audited as its own action: the survivor gets a
 * 'merge' row (merged records with their names, which record each chosen
 * value came from), every merged record one naming the survivor. Their own
 * history stays under their ids (the delete row holds their last values).
 */
export const mergeAudit: TenantMigration = {
  id: '009-merge-audit',
  sql: (s) => `
    ALTER TABLE ${s}._audit_log DROP CONSTRAINT IF EXISTS _audit_log_action_check;
    ALTER TABLE ${s}._audit_log ADD CONSTRAINT _audit_log_action_check CHECK (action IN ('create', 'update', 'delete', 'merge'));`,
};
