import type { Snapshot } from '../metadata/snapshot';
import type { ObjectDef } from '../shared/metadata-types';
import { planChangeObject, planCreateObject, planDropObject, type PlanContext } from './plan-object';
import { PHASES, type PlanAction } from './plan-types';

/**
 * Diffs two normalized snapshots into an ordered list of DDL and data steps.
 * Pure: it reads no database; checks that need data are carried in `checks`.
 */
export function planSchemaChange(before: Snapshot, after: Snapshot, planContext: PlanContext): PlanAction[] {
  const actions: PlanAction[] = [];
  // Only fields with a column matter to the schema: a field that becomes a formula moves to the trash, one that stops being a formula gets a column.
  const stored = (obj: ObjectDef): ObjectDef => ({ ...obj, fields: obj.fields.filter((f) => planContext.registry.describe(f.type).stored !== false) });
  const ctx: PlanContext = { ...planContext, trash: planContext.trash.map((t) => (t.definition ? { ...t, definition: stored(t.definition) } : t)) };
  for (const [name, obj] of before.objects) {
    if (!after.objects.has(name)) actions.push(...planDropObject(ctx, stored(obj)));
  }
  for (const [name, obj] of after.objects) {
    const old = before.objects.get(name);
    actions.push(...(old ? planChangeObject(ctx, stored(old), stored(obj)) : planCreateObject(ctx, stored(obj))));
  }
  return actions
    .map((a, i) => ({ a, i }))
    .sort((x, y) => PHASES[x.a.kind] - PHASES[y.a.kind] || x.i - y.i)
    .map(({ a }) => a);
}

export const isDestructive = (plan: PlanAction[]) => plan.some((a) => a.destructive);
