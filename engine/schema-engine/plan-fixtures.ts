import { FieldTypeRegistry } from '../field-types/registry';
import { normalizeSnapshot } from '../metadata/normalize-snapshot';
import type { Snapshot } from '../metadata/snapshot';
import type { RawObjectDef, RawSnapshot } from '../shared/metadata-types';
import type { PlanContext } from './plan-object';

/** For planner tests: a plan context over tenant schema t_x, applying version 2. */
export const registry = new FieldTypeRegistry();
export const planContext: PlanContext = { schema: 't_x', registry, version: 2, trash: [], newTrashName: (o, f) => `_trash_${o}_${f ?? ''}` };

/** For planner tests: objects as a normalized snapshot; throws on any metadata issue. */
export function snapshotOf(objects: RawObjectDef[], version = 1): Snapshot {
  const raw: RawSnapshot = { objects: Object.fromEntries(objects.map((o) => [o.name, o])), valueSets: {} };
  const { snapshot, issues } = normalizeSnapshot(raw, registry, version);
  if (issues.length) throw new Error(`fixture metadata is invalid: ${JSON.stringify(issues)}`);
  return snapshot;
}
