import type { ObjectDef } from '../shared/metadata-types';
import { auditTriggersSql, unauditedFields } from './audit-trigger-sql';
import type { PlanContext } from './plan-object';
import type { PlanAction } from './plan-types';

const leftOut = (fields: string[]) => (fields.length ? fields.join(', ') : 'none');

function auditTrigger(ctx: PlanContext, obj: ObjectDef, description: string): PlanAction {
  return { kind: 'auditTrigger', object: obj.name, description, destructive: false, sql: auditTriggersSql(ctx.schema, obj) };
}

/** The audit triggers of a table that is created or comes back from the trash (replaced: a returning table may carry older ones). */
export const planAuditCreated = (ctx: PlanContext, obj: ObjectDef): PlanAction[] => [
  auditTrigger(ctx, obj, `keep an audit trail of ${obj.name} records (fields left out: ${leftOut(unauditedFields(obj))})`),
];

/**
 * The triggers are replaced in place when the fields left out change: a
 * roll-up or an `audit: false` field added, removed or retyped, or the flag
 * flipped. Other field changes need nothing (the trigger audits every column
 * it is not told to leave out).
 */
export function planAuditChanged(ctx: PlanContext, before: ObjectDef, after: ObjectDef): PlanAction[] {
  const was = unauditedFields(before).sort();
  const now = unauditedFields(after).sort();
  if (was.join(',') === now.join(',')) return [];
  return [auditTrigger(ctx, after, `change the audit trail of ${after.name}: fields left out ${leftOut(now)} (were ${leftOut(was)})`)];
}
