import type { Issue } from '../core/errors';
import type { Field, PicklistValue } from '../shared/metadata-types';

const valuesOf = (f: Field): Set<string> =>
  f.type === 'boolean' ? new Set(['true', 'false']) : new Set(((f.options.values as PicklistValue[] | undefined) ?? []).map((v) => v.value));

/**
 * Dependent picklists: the controlling field exists, is a picklist or a
 * boolean, every key is one of its values, every allowed value is one of the
 * dependent field's, and the chain of controllers has no cycle.
 */
export function checkDependencies(all: Field[], base: string): Issue[] {
  const issues: Issue[] = [];
  const fields = new Map(all.map((f) => [f.name, f]));
  const custom = all.filter((f) => !f.system);
  for (const f of custom) {
    const controlling = f.options.controllingField as string | undefined;
    if (!controlling) continue;
    const at = `${base}/fields/${custom.indexOf(f)}/options`;
    const controller = fields.get(controlling);
    if (!controller || controller === f || !['picklist', 'boolean'].includes(controller.type)) {
      issues.push({ path: `${at}/controllingField`, code: 'INVALID_DEPENDENCY', message: `controlling field "${controlling}" must be another picklist or boolean field of this object` });
      continue;
    }
    const keys = valuesOf(controller);
    const allowed = valuesOf(f);
    for (const [key, values] of Object.entries((f.options.dependencies as Record<string, string[]>) ?? {})) {
      if (!keys.has(key)) issues.push({ path: `${at}/dependencies/${key}`, code: 'INVALID_DEPENDENCY', message: `"${key}" is not a value of ${controlling}` });
      values.forEach((v, i) => {
        if (!allowed.has(v)) issues.push({ path: `${at}/dependencies/${key}/${i}`, code: 'INVALID_DEPENDENCY', message: `"${v}" is not a value of ${f.name}` });
      });
    }
    const seen = new Set<string>([f.name]);
    for (let c: Field | undefined = controller; c; c = fields.get(c.options.controllingField as string)) {
      if (seen.has(c.name)) {
        issues.push({ path: `${at}/controllingField`, code: 'INVALID_DEPENDENCY', message: `controlling fields form a cycle through ${c.name}` });
        break;
      }
      seen.add(c.name);
    }
  }
  return issues;
}
