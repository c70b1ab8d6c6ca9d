import { AppError } from '../core/errors';
import { runSql } from '../db/knex';
import type { RecordContext, RecordRow } from './context';
import { inactiveValueError, inactiveValuesUsed } from './inactive-values';
import { insertSql } from './insert-sql';
import { pgErrorFor } from './pg-error-for';
import { assertMayAssignOwner, outputRecord } from './record-security';
import { requireObjectPermission } from '../security/record-access';
import { assertFieldsWritable } from '../security/field-access';
import { applyDefaults, validatePayload } from './validate-payload';
import { enforceValidationRules, ruleContext } from './validation-rules';
import { enforceFieldConditions } from './field-conditions';
import { dependencyIssues } from './dependent-values';
import { afterCreate, beforeCreate, type WriteOptions } from './write-hooks';

/** create = authorize → defaults → validate (schema, then rules) → assignment and duplicate rules → persist (pg errors translated) → answer what the user may read. */
export async function createRecord(ctx: RecordContext, objectName: string, payload: unknown, opts: WriteOptions = {}): Promise<RecordRow> {
  const obj = ctx.meta.object(objectName);
  requireObjectPermission(ctx.access, objectName, 'create');
  validatePayload(obj, payload, 'create');
  assertFieldsWritable(ctx.access, obj, Object.keys(payload));
  await assertMayAssignOwner(ctx, obj, payload.owner_id);
  let context: ReturnType<typeof ruleContext> | undefined;
  // Built only when a rule default needs it, once per create.
  const values = applyDefaults(obj, payload, () => (context ??= ruleContext(ctx, obj)));
  const inactive = inactiveValuesUsed(obj, values);
  if (inactive.length) throw inactiveValueError(inactive.map((f) => `/${f}`));
  const row: Record<string, unknown> = { ...values, owner_id: values.owner_id ?? ctx.actor.userId, created_by: ctx.actor.userId, updated_by: ctx.actor.userId };
  const notAllowed = dependencyIssues(obj.dependents, row);
  if (notAllowed.length) throw new AppError('RECORD_VALIDATION_FAILED', notAllowed[0]!.message, { issues: notAllowed });
  await enforceFieldConditions(ctx, obj, [{ next: row, change: payload }]);
  await enforceValidationRules(ctx, obj, [row]);
  const explicitOwner = [payload.owner_id !== undefined];
  await beforeCreate(ctx, obj, [row], explicitOwner, opts);
  const { sql, params } = insertSql(obj, ctx.meta.schema, row);
  let rows;
  try {
    rows = await runSql(ctx.db, sql, params);
  } catch (e) {
    throw pgErrorFor(obj, e);
  }
  if (!rows.length) throw new AppError('INTERNAL', `autonumber counter missing for ${objectName}`);
  await afterCreate(ctx, obj, [rows[0]!.id as string], [row], explicitOwner);
  return outputRecord(ctx, obj, rows[0]!);
}
