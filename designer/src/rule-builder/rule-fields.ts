/**
 * The fields a rule on an object may name, read from the draft snapshot (raw
 * definitions): the object's own fields, the system fields every object has,
 * and fields of related objects reached through lookups. Mirrors the
 * server's scope (engine/rules/rule-scope.ts) so the live check agrees with
 * the publish-time check.
 */
import type { RawField, RawLabel, RawObjectDef, RawPicklistValue, RawSnapshot } from '../../../engine/shared/metadata-types';
import type { RuleType } from '../../../engine/shared/rules/catalogue';
import type { RuleScope } from '../../../engine/shared/rules/typed-ast';

/** How many lookups a path may go through ("account.parent_account.industry" is 2), as on the server. */
export const MAX_LOOKUP_HOPS = 3;

/** What the builder offers for a field: its operators and value input follow from `kind`. */
export type FieldKind = 'text' | 'number' | 'date' | 'datetime' | 'boolean' | 'picklist' | 'multipicklist' | 'lookup';

/** One field as the builder shows it. */
export interface RuleField {
  name: string;
  type: string;
  label: RawLabel;
  ruleType: RuleType;
  kind: FieldKind;
  /** The lookup's target object. */
  target?: string;
  /** A picklist's (or multi-select's) values. */
  values?: RawPicklistValue[];
}

/** The rule type of each core field type's value (formula and roll-up depend on their settings). */
const RULE_TYPE_BY_FIELD_TYPE: Record<string, RuleType> = {
  text: 'string',
  textarea: 'string',
  email: 'string',
  phone: 'string',
  url: 'string',
  picklist: 'string',
  autonumber: 'string',
  lookup: 'string',
  id: 'string',
  user: 'string',
  integer: 'number',
  number: 'number',
  currency: 'number',
  percent: 'number',
  rollup: 'number',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  multipicklist: 'list',
};

const RULE_TYPES: readonly RuleType[] = ['boolean', 'number', 'string', 'date', 'datetime', 'list'];

/** The fields the engine adds to every object (engine/metadata/system-fields.ts). */
function systemFields(obj: RawObjectDef): RawField[] {
  const nameType = obj.nameField?.type === 'autonumber' ? 'autonumber' : 'text';
  const sys = (name: string, type: string, en: string, zh: string): RawField => ({ name, type, label: { en, 'zh-CN': zh } });
  return [
    sys('id', 'id', 'ID', 'ID'),
    { ...sys('name', nameType, 'Name', '名称'), ...(obj.nameField?.label ? { label: obj.nameField.label } : {}) },
    sys('owner_id', 'user', 'Owner', '负责人'),
    sys('created_at', 'datetime', 'Created At', '创建时间'),
    sys('created_by', 'user', 'Created By', '创建人'),
    sys('updated_at', 'datetime', 'Updated At', '修改时间'),
    sys('updated_by', 'user', 'Updated By', '修改人'),
    sys('version', 'integer', 'Version', '版本'),
  ];
}

/** A roll-up's min / max has the summarized child field's type; count, sum and avg are numbers. */
function rollupType(snapshot: RawSnapshot, f: RawField): RuleType {
  const o = f.options ?? {};
  if (o.function !== 'min' && o.function !== 'max') return 'number';
  const child = typeof o.relation === 'string' ? snapshot.objects[o.relation.split('.')[0]!] : undefined;
  const field = child?.fields.find((x) => x.name === o.field);
  return field ? ruleTypeOfField(snapshot, field) : 'number';
}

/** The rule type of a field's value. Unknown (plugin) types read as strings. */
export function ruleTypeOfField(snapshot: RawSnapshot, f: RawField): RuleType {
  if (f.type === 'formula') {
    const r = f.options?.returns;
    return RULE_TYPES.includes(r as RuleType) ? (r as RuleType) : 'number';
  }
  if (f.type === 'rollup') return rollupType(snapshot, f);
  return RULE_TYPE_BY_FIELD_TYPE[f.type] ?? 'string';
}

const KIND_BY_RULE_TYPE: Record<RuleType, FieldKind> = {
  string: 'text',
  number: 'number',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
  list: 'multipicklist',
  null: 'text',
  any: 'text',
};

/** A picklist's values: its own, or its shared value set's. */
function picklistValuesOf(snapshot: RawSnapshot, f: RawField): RawPicklistValue[] | undefined {
  const o = f.options ?? {};
  if (Array.isArray(o.values)) return o.values as RawPicklistValue[];
  return typeof o.valueSet === 'string' ? snapshot.valueSets[o.valueSet]?.values : undefined;
}

function describeField(snapshot: RawSnapshot, f: RawField): RuleField {
  const ruleType = ruleTypeOfField(snapshot, f);
  const kind: FieldKind = f.type === 'picklist' || f.type === 'multipicklist' || f.type === 'lookup' ? f.type : KIND_BY_RULE_TYPE[ruleType];
  const values = f.type === 'picklist' || f.type === 'multipicklist' ? picklistValuesOf(snapshot, f) : undefined;
  const target = f.type === 'lookup' && typeof f.options?.target === 'string' ? f.options.target : undefined;
  return { name: f.name, type: f.type, label: f.label, ruleType, kind, ...(target ? { target } : {}), ...(values ? { values } : {}) };
}

/** Every field of an object a rule may name (system fields first, as the server normalizes them). */
export function ruleFieldsOf(snapshot: RawSnapshot, object: string): RuleField[] {
  const obj = snapshot.objects[object];
  if (!obj) return [];
  const own = obj.fields.filter((f) => !systemFields(obj).some((s) => s.name === f.name));
  return [...systemFields(obj), ...own].map((f) => describeField(snapshot, f));
}

/** Follows a dotted path through lookups: the field at its end and the objects passed through, or undefined. */
export function resolveFieldPath(snapshot: RawSnapshot, object: string, path: string): { field: RuleField; objects: string[] } | undefined {
  const parts = path.split('.');
  if (parts.length > MAX_LOOKUP_HOPS + 1) return undefined;
  const objects = [object];
  let current = object;
  for (const part of parts.slice(0, -1)) {
    const lookup = ruleFieldsOf(snapshot, current).find((f) => f.name === part);
    if (!lookup?.target || !snapshot.objects[lookup.target]) return undefined;
    current = lookup.target;
    objects.push(current);
  }
  const field = ruleFieldsOf(snapshot, current).find((f) => f.name === parts.at(-1));
  return field ? { field, objects } : undefined;
}

/** The scope checkRule needs: field paths typed from the draft. */
export function draftRuleScope(snapshot: RawSnapshot, object: string, allowContext: boolean): RuleScope {
  return { allowContext, resolve: (path) => resolveFieldPath(snapshot, object, path)?.field.ruleType };
}

/** Picklist field → value → label in one locale, for label_of (as the runtime form builds it). */
export function picklistLabelsOf(snapshot: RawSnapshot, object: string, locale: 'en' | 'zh-CN'): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const f of ruleFieldsOf(snapshot, object)) {
    if (!f.values) continue;
    out[f.name] = Object.fromEntries(f.values.map((v) => [v.value, typeof v.label === 'string' ? v.label : (v.label[locale] ?? v.label.en ?? v.value)]));
  }
  return out;
}
