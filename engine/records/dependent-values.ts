import type { Issue } from '../core/errors';
import type { Field } from '../shared/metadata-types';

/** Picklists that depend on a controlling field. */
export const dependentFields = (fields: Iterable<Field>): Field[] => [...fields].filter((f) => typeof f.options.controllingField === 'string');

/**
 * A dependent picklist's value must be allowed under its controlling field's
 * value (in the record as it will be saved); with no controlling value, no
 * dependent value is allowed.
 */
export function dependencyIssues(dependents: Field[], record: Record<string, unknown>, prefix = ''): Issue[] {
  const issues: Issue[] = [];
  for (const f of dependents) {
    const value = record[f.name];
    if (value === null || value === undefined || (Array.isArray(value) && !value.length)) continue;
    const controlling = f.options.controllingField as string;
    const key = record[controlling];
    const allowed = new Set(key === null || key === undefined ? [] : ((f.options.dependencies as Record<string, string[]>)[String(key)] ?? []));
    const bad = (Array.isArray(value) ? value : [value]).filter((v) => !allowed.has(v as string));
    if (bad.length) {
      const when = key === null || key === undefined ? `${controlling} is empty` : `${controlling} is "${String(key)}"`;
      issues.push({ path: `${prefix}/${f.name}`, code: 'FIELD_NOT_ALLOWED', message: `"${bad.join('", "')}" is not allowed when ${when}` });
    }
  }
  return issues;
}
