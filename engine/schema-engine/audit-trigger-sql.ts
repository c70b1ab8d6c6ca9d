import { quoteIdent } from '../db/knex';
import { isRollup } from '../field-types/rollup/rollup-options';
import { BOOKKEEPING_FIELD_NAMES } from '../metadata/system-fields';
import { sqlLiteral } from '../query/inline-params';
import type { ObjectDef } from '../shared/metadata-types';
import { qualified, SHARE_COLUMNS } from './column-ddl';

/** Columns of every object the trail never records: the record's identity, its own bookkeeping and its share arrays. */
const UNAUDITED_SYSTEM_COLUMNS: readonly string[] = [...BOOKKEEPING_FIELD_NAMES, ...SHARE_COLUMNS];

/** The object's own fields left out of the trail: roll-ups (maintained by triggers) and fields marked `audit: false`. */
export const unauditedFields = (obj: ObjectDef): string[] =>
  obj.fields.filter((f) => !UNAUDITED_SYSTEM_COLUMNS.includes(f.name) && (isRollup(f) || !f.audit)).map((f) => f.name);

type Event = 'INSERT' | 'UPDATE' | 'DELETE';

/** One trigger per event: a trigger with transition tables may have only one. */
const EVENTS: { op: Event; name: string; referencing: string }[] = [
  { op: 'INSERT', name: '_audit_ins', referencing: 'NEW TABLE AS new_rows' },
  { op: 'UPDATE', name: '_audit_upd', referencing: 'OLD TABLE AS old_rows NEW TABLE AS new_rows' },
  { op: 'DELETE', name: '_audit_del', referencing: 'OLD TABLE AS old_rows' },
];

/** The audit trigger names on every object table. */
export const AUDIT_TRIGGER_NAMES = EVENTS.map((e) => e.name);

/**
 * The three AFTER … FOR EACH STATEMENT triggers that feed `_audit_log`
 * (function `_audit_changes`, made by tenant migration 003), created or
 * replaced in place: the arguments are the columns not to audit.
 */
export function auditTriggersSql(schema: string, obj: ObjectDef): string[] {
  const args = [...UNAUDITED_SYSTEM_COLUMNS, ...unauditedFields(obj)].map(sqlLiteral).join(', ');
  const fn = `${qualified(schema, '_audit_changes')}(${args})`;
  return EVENTS.map(
    (e) => `CREATE OR REPLACE TRIGGER ${quoteIdent(e.name)} AFTER ${e.op} ON ${qualified(schema, obj.name)} REFERENCING ${e.referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}`,
  );
}
