import { AppError } from '../core/errors';
import type { CompiledObject } from '../metadata/compiled-object';
import type { RecordContext, RecordRow } from './context';
import { dependencyIssues } from './dependent-values';
import { enforceFieldConditions } from './field-conditions';
import { inactiveValueError, inactiveValuesUsed } from './inactive-values';
import { enforceValidationRules } from './validation-rules';

/** Inactive values in `next` that `current` did not already hold. */
function newlyChosen(next: unknown, current: unknown, inactive: Set<string>): boolean {
  const had = new Set(Array.isArray(current) ? current : [current]);
  return (Array.isArray(next) ? next : [next]).some((v) => inactive.has(v as string) && !had.has(v));
}

/**
 * Whether an update must read the stored records to be judged: it sends a
 * deactivated picklist value, touches a dependent picklist or its controller,
 * or the object has validation rules or field conditions.
 */
export function needsStoredRecords(obj: CompiledObject, change: RecordRow): boolean {
  const touchesDependencies = obj.dependents.some((f) => f.name in change || (f.options.controllingField as string) in change);
  return inactiveValuesUsed(obj, change).length > 0 || obj.validationRules.length > 0 || obj.fieldConditions.conditions.length > 0 || touchesDependencies;
}

/**
 * The checks of an update that judge the record as it will be (each stored
 * row with the change applied): a deactivated picklist value may stay but not
 * be newly chosen, dependent picklists, field conditions and validation
 * rules. One record for a single update, every record for a bulk edit;
 * `pathOf(i)` prefixes the issue paths of the i-th.
 */
export async function checkAgainstStored(ctx: RecordContext, obj: CompiledObject, stored: RecordRow[], change: RecordRow, pathOf: (i: number) => string = () => ''): Promise<void> {
  const inactive = inactiveValuesUsed(obj, change);
  const chosen = stored.flatMap((row, i) => inactive.filter((f) => newlyChosen(change[f], row[f], obj.inactiveValues.get(f)!)).map((f) => `${pathOf(i)}/${f}`));
  if (chosen.length) throw inactiveValueError(chosen.slice(0, 1000));
  const next = stored.map((row) => ({ ...row, ...change, updated_by: ctx.actor.userId }));
  const notAllowed = next.flatMap((row, i) => dependencyIssues(obj.dependents, row, pathOf(i)));
  if (notAllowed.length) throw new AppError('RECORD_VALIDATION_FAILED', notAllowed[0]!.message, { issues: notAllowed.slice(0, 1000) });
  await enforceFieldConditions(ctx, obj, next.map((n, i) => ({ next: n, change, stored: stored[i]! })), pathOf);
  await enforceValidationRules(ctx, obj, next, pathOf);
}
