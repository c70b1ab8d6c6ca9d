import { normalizeLabel } from '../shared/labels';
import type { PicklistValue, RawPicklistValue } from '../shared/metadata-types';
import type { FieldTypeContext, JsonSchema, SettingsIssue } from './types';

const valueSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['value', 'label'],
  properties: {
    value: { type: 'string', pattern: '^[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,99}$' },
    label: { $ref: 'label.schema.json' },
    active: { type: 'boolean' },
    probability: { type: 'number', minimum: 0, maximum: 100 },
    color: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
  },
};

/**
 * Settings shared by picklist and multipicklist: inline values or a shared
 * value set, and optionally a controlling field with, per controlling value,
 * the values allowed (dependent picklists; cascades chain field to field).
 */
export const picklistSettingsSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    valueSet: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' },
    values: { type: 'array', minItems: 1, maxItems: 1000, items: valueSchema },
    controllingField: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' },
    dependencies: {
      type: 'object',
      description: 'controlling value → the values allowed with it ("true"/"false" for a boolean controller)',
      maxProperties: 1000,
      additionalProperties: { type: 'array', maxItems: 1000, uniqueItems: true, items: { type: 'string' } },
    },
  },
  dependentRequired: { controllingField: ['dependencies'], dependencies: ['controllingField'] },
  oneOf: [{ required: ['valueSet'] }, { required: ['values'] }],
};

export function normalizePicklistValues(raw: RawPicklistValue[]): PicklistValue[] {
  return raw.map((v) => ({
    value: v.value,
    label: normalizeLabel(v.label, v.value),
    active: v.active ?? true,
    ...(v.probability !== undefined ? { probability: v.probability } : {}),
    ...(v.color !== undefined ? { color: v.color } : {}),
  }));
}

export function duplicateValueIssues(values: { value: string }[], path: string): SettingsIssue[] {
  const seen = new Set<string>();
  const issues: SettingsIssue[] = [];
  values.forEach((v, i) => {
    if (seen.has(v.value)) issues.push({ path: `${path}/${i}/value`, message: `duplicate picklist value "${v.value}"` });
    seen.add(v.value);
  });
  return issues;
}

/** Resolves a shared value set or inline values into normalized values. */
export function resolvePicklistOptions(options: Record<string, unknown>, ctx: FieldTypeContext) {
  const issues: SettingsIssue[] = [];
  const dependency = options.controllingField ? { controllingField: options.controllingField, dependencies: options.dependencies } : {};
  if (typeof options.valueSet === 'string') {
    const set = ctx.valueSets[options.valueSet];
    if (!set) return { options, issues: [{ path: '/options/valueSet', message: `value set "${options.valueSet}" does not exist` }] };
    return { options: { valueSet: set.name, values: set.values, ...dependency }, issues };
  }
  const values = normalizePicklistValues((options.values as RawPicklistValue[] | undefined) ?? []);
  issues.push(...duplicateValueIssues(values, '/options/values'));
  return { options: { values, ...dependency }, issues };
}

/**
 * Values a payload may carry: on create only active ones; on update inactive
 * ones too, so a record keeps the value it has (the update pipeline refuses a
 * newly chosen inactive value).
 */
export function allowedValues(options: Record<string, unknown>, mode: 'create' | 'update'): string[] {
  return (options.values as PicklistValue[]).filter((v) => v.active || mode === 'update').map((v) => v.value);
}
