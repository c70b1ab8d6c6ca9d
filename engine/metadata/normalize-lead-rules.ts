import type { Issue } from '../core/errors';
import type { FieldTypeRegistry } from '../field-types/registry';
import { normalizeLabel } from '../shared/labels';
import type { AssignmentRule, Conversion, DuplicateRule, Field, RawObjectDef } from '../shared/metadata-types';

/** What these checks may look up: every object's fields as normalized so far, by object name. */
export type FieldsByObject = ReadonlyMap<string, readonly Field[]>;

const TEXT_KINDS = new Set(['string']);
export const DEFAULT_FUZZY_THRESHOLD = 0.6;

/** A field a conversion may write: stored and writable (the record name included; owner, audit columns and computed fields not). */
export function isWritableTarget(registry: FieldTypeRegistry, f: Field): boolean {
  if (f.system) return f.name === 'name';
  const def = registry.describe(f.type);
  return def.writable && def.stored !== false;
}

function unknownField(path: string, object: string, field: string): Issue {
  return { path, code: 'UNKNOWN_FIELD', message: `${object} has no field "${field}"` };
}

/**
 * A conversion's references: target objects, target and source fields that
 * exist and can be written, links between lookups and the targets they
 * point at. Type checks of the mapped values come later (checkMappings).
 */
export function normalizeConversion(ro: RawObjectDef, fields: FieldsByObject, registry: FieldTypeRegistry, issues: Issue[]): Conversion | undefined {
  const raw = ro.conversion;
  if (!raw) return undefined;
  const base = `/objects/${ro.name}/conversion`;
  const keys = new Map<string, string>();
  raw.targets.forEach((t, i) => {
    if (keys.has(t.key)) issues.push({ path: `${base}/targets/${i}/key`, code: 'DUPLICATE_TARGET', message: `target key "${t.key}" is used twice` });
    keys.set(t.key, t.object);
    if (!fields.has(t.object)) issues.push({ path: `${base}/targets/${i}/object`, code: 'UNKNOWN_OBJECT', message: `object "${t.object}" does not exist` });
  });
  const lookupTo = (owner: string, fieldName: string, key: string, path: string) => {
    const f = fields.get(owner)?.find((x) => x.name === fieldName);
    if (!f) return issues.push(unknownField(path, owner, fieldName));
    if (!keys.has(key)) return issues.push({ path, code: 'UNKNOWN_TARGET', message: `"${key}" is not a target of this conversion` });
    if (f.type !== 'lookup' || f.options.target !== keys.get(key)) issues.push({ path, code: 'INVALID_LINK', message: `${owner}.${fieldName} is not a lookup to ${keys.get(key)}` });
  };
  const targets = raw.targets.map((t, i) => {
    const tf = fields.get(t.object) ?? [];
    for (const name of Object.keys(t.fields)) {
      const f = tf.find((x) => x.name === name);
      if (!f) issues.push(unknownField(`${base}/targets/${i}/fields/${name}`, t.object, name));
      else if (!isWritableTarget(registry, f)) issues.push({ path: `${base}/targets/${i}/fields/${name}`, code: 'FIELD_NOT_WRITABLE', message: `${t.object}.${name} cannot be written by a conversion` });
    }
    for (const [name, key] of Object.entries(t.links ?? {})) {
      if (key === t.key) issues.push({ path: `${base}/targets/${i}/links/${name}`, code: 'INVALID_LINK', message: 'a target cannot link to itself' });
      else lookupTo(t.object, name, key, `${base}/targets/${i}/links/${name}`);
      if (name in t.fields) issues.push({ path: `${base}/targets/${i}/links/${name}`, code: 'INVALID_LINK', message: `${t.object}.${name} is both mapped and linked` });
    }
    return { key: t.key, object: t.object, label: normalizeLabel(t.label ?? t.object, t.object), optional: t.optional ?? false, allowExisting: t.allowExisting ?? false, fields: t.fields, links: t.links ?? {} };
  });
  const own = fields.get(ro.name) ?? [];
  const source = raw.source ?? {};
  for (const name of Object.keys(source.set ?? {})) {
    const f = own.find((x) => x.name === name);
    if (!f) issues.push(unknownField(`${base}/source/set/${name}`, ro.name, name));
    else if (!isWritableTarget(registry, f)) issues.push({ path: `${base}/source/set/${name}`, code: 'FIELD_NOT_WRITABLE', message: `${ro.name}.${name} cannot be written by a conversion` });
  }
  for (const [name, key] of Object.entries(source.links ?? {})) lookupTo(ro.name, name, key, `${base}/source/links/${name}`);
  return { targets, source: { set: source.set ?? {}, links: source.links ?? {}, readOnly: source.readOnly ?? true } };
}

/** Duplicate rules: unique names, fields that exist, a method that suits the field. */
export function normalizeDuplicateRules(ro: RawObjectDef, own: readonly Field[], registry: FieldTypeRegistry, issues: Issue[]): DuplicateRule[] {
  const base = `/objects/${ro.name}/duplicateRules`;
  const seen = new Set<string>();
  return (ro.duplicateRules ?? []).map((r, i) => {
    if (seen.has(r.name)) issues.push({ path: `${base}/${i}/name`, code: 'DUPLICATE_RULE', message: `duplicate rule "${r.name}" is defined twice` });
    seen.add(r.name);
    const conditions = r.conditions.map((c, j) => {
      const at = `${base}/${i}/conditions/${j}`;
      const f = own.find((x) => x.name === c.field);
      if (!f) issues.push(unknownField(`${at}/field`, ro.name, c.field));
      else if (registry.describe(f.type).stored === false) issues.push({ path: `${at}/field`, code: 'INVALID_SETTING', message: `${c.field} is computed when read and cannot be matched` });
      else if (c.method !== 'exact' && !TEXT_KINDS.has(registry.describe(f.type).kind)) issues.push({ path: `${at}/method`, code: 'INVALID_SETTING', message: `"${c.method}" compares text; ${c.field} is not text (use "exact")` });
      if (c.threshold !== undefined && c.method !== 'fuzzy') issues.push({ path: `${at}/threshold`, code: 'INVALID_SETTING', message: 'a threshold applies to fuzzy matching only' });
      return c.method === 'fuzzy' ? { field: c.field, method: c.method, threshold: c.threshold ?? DEFAULT_FUZZY_THRESHOLD } : { field: c.field, method: c.method };
    });
    return { name: r.name, label: normalizeLabel(r.label ?? r.name, r.name), active: r.active ?? true, action: r.action, conditions };
  });
}

/** Assignment rules: unique names, a territory field that exists. Users and roles are resolved when a rule runs. */
export function normalizeAssignmentRules(ro: RawObjectDef, own: readonly Field[], issues: Issue[]): AssignmentRule[] {
  const base = `/objects/${ro.name}/assignmentRules`;
  const seen = new Set<string>();
  return (ro.assignmentRules ?? []).map((r, i) => {
    if (seen.has(r.name)) issues.push({ path: `${base}/${i}/name`, code: 'DUPLICATE_RULE', message: `assignment rule "${r.name}" is defined twice` });
    seen.add(r.name);
    const a = r.assignTo;
    if (a.type === 'territory' && !own.some((f) => f.name === a.field)) issues.push(unknownField(`${base}/${i}/assignTo/field`, ro.name, a.field));
    if (a.type === 'roundRobin' && !a.role === !a.users) issues.push({ path: `${base}/${i}/assignTo`, code: 'INVALID_SETTING', message: 'round-robin names either a role or a list of users' });
    return { name: r.name, active: r.active ?? true, ...(r.criteria !== undefined ? { criteria: r.criteria } : {}), assignTo: a };
  });
}
