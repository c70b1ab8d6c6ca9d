import type { AuditActor } from './actor-names';

/** 'merge': duplicates merged into this record (changes: merged records, where each chosen value came from) or this record into another (changes: into). */
export type AuditAction = 'create' | 'update' | 'delete' | 'merge';

/**
 * One row of the audit trail as answered. `changes`: for a create the values
 * set, for a delete the values the record had (non-null ones), for an update
 * `{ field: [old, new] }` for each field that changed.
 */
export interface AuditEntry {
  id: number;
  at: string;
  actor: AuditActor | null;
  action: AuditAction;
  changes: Record<string, unknown>;
}

/** An `_audit_log` row as read. */
export interface AuditRow {
  id: number;
  at: Date;
  actor_id: string | null;
  action: AuditAction;
  object: string;
  record_id: string;
  changes: Record<string, unknown>;
}

export const AUDIT_COLUMNS = 'id, at, actor_id, action, object, record_id, changes';
