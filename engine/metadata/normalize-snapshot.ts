import type { Issue } from '../core/errors';
import type { FieldTypeRegistry } from '../field-types/registry';
import type { FieldTypeContext } from '../field-types/types';
import { normalizePicklistValues, duplicateValueIssues } from '../field-types/picklist-values';
import { normalizeLabel } from '../shared/labels';
import { FIELD_CONDITIONS, type Field, type ListView, type ObjectDef, type RawObjectDef, type RawSnapshot, type ValueSet } from '../shared/metadata-types';
import { isReservedWord } from './reserved-words';
import type { Snapshot } from './snapshot';
import { isSystemFieldName, systemFields } from './system-fields';
import { normalizeLayout } from './normalize-layout';
import { checkDependencies } from './check-dependencies';
import { normalizeAssignmentRules, normalizeConversion, normalizeDuplicateRules, type FieldsByObject } from './normalize-lead-rules';

function normalizeValueSets(raw: RawSnapshot, issues: Issue[]): Record<string, ValueSet> {
  const out: Record<string, ValueSet> = {};
  for (const [key, vs] of Object.entries(raw.valueSets)) {
    const values = normalizePicklistValues(vs.values);
    for (const i of duplicateValueIssues(values, `/valueSets/${key}/values`)) issues.push({ ...i, code: 'DUPLICATE_VALUE' });
    out[key] = { name: vs.name, label: normalizeLabel(vs.label, vs.name), values };
  }
  return out;
}

function normalizeField(rf: RawObjectDef['fields'][number], path: string, registry: FieldTypeRegistry, ctx: FieldTypeContext, issues: Issue[]): Field {
  if (isSystemFieldName(rf.name)) issues.push({ path: `${path}/name`, code: 'SYSTEM_FIELD', message: `"${rf.name}" is a system field and cannot be declared` });
  else if (isReservedWord(rf.name)) issues.push({ path: `${path}/name`, code: 'RESERVED_WORD', message: `"${rf.name}" is a reserved word` });
  const def = registry.get(rf.type)!;
  const { options, issues: settingIssues } = def.normalizeOptions(rf.options ?? {}, ctx);
  for (const s of settingIssues) issues.push({ path: `${path}${s.path}`, code: 'INVALID_SETTING', message: s.message });
  if (rf.type === 'lookup' && rf.required && options.onDelete === 'setNull') {
    issues.push({ path: `${path}/options/onDelete`, code: 'INVALID_SETTING', message: 'a required lookup cannot be cleared when its target is deleted; use restrict or cascade' });
  }
  if (rf.type === 'autonumber' && rf.required) issues.push({ path: `${path}/required`, code: 'INVALID_SETTING', message: 'an autonumber is assigned by the system and cannot be required' });
  // A roll-up is computed from child records: a default or a required value would be overwritten, a unique one would refuse child writes.
  for (const key of ['required', 'unique', 'defaultValue'] as const) {
    if (rf.type === 'rollup' && rf[key] !== undefined && rf[key] !== false) issues.push({ path: `${path}/${key}`, code: 'INVALID_SETTING', message: `a roll-up is computed from child records and cannot have ${key}` });
  }
  return {
    name: rf.name,
    type: rf.type,
    label: normalizeLabel(rf.label, rf.name),
    ...(rf.helpText !== undefined ? { helpText: normalizeLabel(rf.helpText, '') } : {}),
    required: rf.required ?? false,
    // System-assigned numbers are unique by construction; the index makes the database agree.
    unique: rf.type === 'autonumber' ? true : (rf.unique ?? false),
    indexed: rf.indexed ?? false,
    ...(rf.defaultValue !== undefined ? { defaultValue: rf.defaultValue } : {}),
    options,
    system: false,
    audit: rf.audit ?? true,
    ...Object.fromEntries(FIELD_CONDITIONS.filter((c) => rf[c] !== undefined).map((c) => [c, rf[c]])),
  };
}

function listViewsOf(ro: RawObjectDef, names: Set<string>, base: string, issues: Issue[]): ListView[] {
  const seen = new Set<string>();
  return (ro.listViews ?? []).map((v, i) => {
    if (seen.has(v.name)) issues.push({ path: `${base}/listViews/${i}/name`, code: 'DUPLICATE_VIEW', message: `list view "${v.name}" is defined twice` });
    seen.add(v.name);
    (v.columns ?? []).forEach((c, j) => names.has(c) || issues.push({ path: `${base}/listViews/${i}/columns/${j}`, code: 'UNKNOWN_FIELD', message: `field "${c}" does not exist` }));
    (v.sort ?? []).forEach((s, j) => names.has(s.replace(/^-/, '')) || issues.push({ path: `${base}/listViews/${i}/sort/${j}`, code: 'UNKNOWN_FIELD', message: `field "${s.replace(/^-/, '')}" does not exist` }));
    return v;
  });
}

function normalizeObject(ro: RawObjectDef, registry: FieldTypeRegistry, ctx: FieldTypeContext, issues: Issue[]): Omit<ObjectDef, 'conversion'> {
  const base = `/objects/${ro.name}`;
  if (isReservedWord(ro.name)) issues.push({ path: `${base}/name`, code: 'RESERVED_WORD', message: `"${ro.name}" is a reserved word` });
  const seen = new Set<string>();
  const custom = ro.fields.map((rf, i) => {
    if (seen.has(rf.name)) issues.push({ path: `${base}/fields/${i}/name`, code: 'DUPLICATE_FIELD', message: `field "${rf.name}" is defined twice` });
    seen.add(rf.name);
    return normalizeField(rf, `${base}/fields/${i}`, registry, ctx, issues);
  });
  const { head, tail } = systemFields(ro);
  const nameField = head[1]!;
  if (nameField.type === 'autonumber') {
    const { issues: fi } = registry.describe('autonumber').normalizeOptions(nameField.options, ctx);
    for (const s of fi) issues.push({ path: `${base}/nameField/format`, code: 'INVALID_SETTING', message: s.message });
  }
  const fields = [...head, ...custom, ...tail];
  const names = new Set(fields.map((f) => f.name));
  const indexes = (ro.indexes ?? []).map((ix, i) => {
    ix.fields.forEach((f, j) => {
      if (!names.has(f.replace(/^-/, ''))) issues.push({ path: `${base}/indexes/${i}/fields/${j}`, code: 'UNKNOWN_FIELD', message: `index field "${f}" does not exist` });
    });
    return { fields: ix.fields, unique: ix.unique ?? false };
  });
  const ruleNames = new Set<string>();
  const validationRules = (ro.validationRules ?? []).map((r, i) => {
    if (ruleNames.has(r.name)) issues.push({ path: `${base}/validationRules/${i}/name`, code: 'DUPLICATE_RULE', message: `validation rule "${r.name}" is defined twice` });
    ruleNames.add(r.name);
    if (r.errorField && !names.has(r.errorField)) issues.push({ path: `${base}/validationRules/${i}/errorField`, code: 'UNKNOWN_FIELD', message: `field "${r.errorField}" does not exist` });
    return { name: r.name, condition: r.condition, message: normalizeLabel(r.message, r.name), ...(r.errorField ? { errorField: r.errorField } : {}), active: r.active ?? true };
  });
  issues.push(...checkDependencies(fields, base));
  return {
    name: ro.name,
    label: normalizeLabel(ro.label, ro.name),
    pluralLabel: normalizeLabel(ro.pluralLabel ?? ro.label, ro.name),
    ...(ro.description !== undefined ? { description: normalizeLabel(ro.description, '') } : {}),
    fields,
    indexes,
    validationRules,
    listViews: listViewsOf(ro, names, base, issues),
    sharing: ro.sharing ?? 'publicReadWrite',
    ...(ro.layout ? { layout: normalizeLayout(ro, names, ctx.objects, base, issues)! } : {}),
    duplicateRules: normalizeDuplicateRules(ro, fields, registry, issues),
    assignmentRules: normalizeAssignmentRules(ro, fields, issues),
  };
}

/**
 * Semantic checks and normalization of a whole tenant snapshot (after ajv).
 * Issue paths are JSON pointers into the snapshot: /objects/<name>/fields/<i>/...
 */
export function normalizeSnapshot(raw: RawSnapshot, registry: FieldTypeRegistry, version: number): { snapshot: Snapshot; issues: Issue[] } {
  const issues: Issue[] = [];
  const valueSets = normalizeValueSets(raw, issues);
  const ctx: Omit<FieldTypeContext, 'objectName'> = { valueSets, objectNames: new Set(Object.keys(raw.objects)), objects: raw.objects, registry };
  const objects = new Map<string, ObjectDef>();
  for (const ro of Object.values(raw.objects)) objects.set(ro.name, normalizeObject(ro, registry, { ...ctx, objectName: ro.name }, issues));
  // Conversions reach into other objects' fields: checked once every object is normalized.
  const fields: FieldsByObject = new Map([...objects].map(([name, o]) => [name, o.fields]));
  for (const ro of Object.values(raw.objects)) {
    const conversion = normalizeConversion(ro, fields, registry, issues);
    if (conversion) objects.set(ro.name, { ...objects.get(ro.name)!, conversion });
  }
  return { snapshot: { version, raw, objects, valueSets }, issues };
}

