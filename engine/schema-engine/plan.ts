import type { Snapshot } from '../metadata/snapshot';
import { planChangeObject, planCreateObject, planDropObject, type PlanContext } from './plan-object';
import { PHASES, type PlanAction } from './plan-types';

/**
 * Diffs two normalized snapshots into an ordered list of DDL and data steps.
 * Pure: it reads no database; checks that need data are carried in `checks`.
 */
export function planSchemaChange(before: Snapshot, after: Snapshot, ctx: PlanContext): PlanAction[] {
  const actions: PlanAction[] = [];
  for (const [name, obj] of before.objects) {
    if (!after.objects.has(name)) actions.push(...planDropObject(ctx, obj));
  }
  for (const [name, obj] of after.objects) {
    const old = before.objects.get(name);
    actions.push(...(old ? planChangeObject(ctx, old, obj) : planCreateObject(ctx, obj)));
  }
  return actions
    .map((a, i) => ({ a, i }))
    .sort((x, y) => PHASES[x.a.kind] - PHASES[y.a.kind] || x.i - y.i)
    .map(({ a }) => a);
}

export const isDestructive = (plan: PlanAction[]) => plan.some((a) => a.destructive);
