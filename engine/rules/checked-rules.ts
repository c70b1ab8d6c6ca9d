import type { FieldTypeRegistry } from '../field-types/registry';
import type { Snapshot } from '../metadata/snapshot';
import type { Field, FieldCondition, ObjectDef, ValidationRule } from '../shared/metadata-types';
import type { RuleType } from '../shared/rules/catalogue';
import { checkRule } from '../shared/rules/check/check-rule';
import type { Expr, RuleIssue } from '../shared/rules/typed-ast';
import { objectScope, ruleTypeOf } from './rule-scope';

/** A rule of an object as checked against it: the typed tree, or the issues that refuse it. */
export interface CheckedRule {
  expr?: Expr;
  issues: RuleIssue[];
}

// A snapshot is one metadata version and never changes once normalized, so
// each of its rules is checked once: at publish (check-rules.ts) or on first
// use. The SQL compiler, the interpreter's preparation and field security
// then share that one result instead of checking the rule again per request.
const checkedBySnapshot = new WeakMap<Snapshot, Map<string, CheckedRule>>();

function once(snapshot: Snapshot, key: string, check: () => CheckedRule): CheckedRule {
  let checked = checkedBySnapshot.get(snapshot);
  if (!checked) checkedBySnapshot.set(snapshot, (checked = new Map()));
  let result = checked.get(key);
  if (!result) checked.set(key, (result = check()));
  return result;
}

/** A formula's expression, checked against its declared result; it may not read $user or $now. */
export function checkedFormula(snapshot: Snapshot, registry: FieldTypeRegistry, obj: ObjectDef, field: Field): CheckedRule {
  return once(snapshot, `${obj.name}.${field.name}:expression`, () => checkRule(field.options.expression, objectScope(snapshot, obj, registry, false), [field.options.returns as RuleType]));
}

/** A field's condition (visibleWhen, requiredWhen, readOnlyWhen), or its rule default checked against the field's type. */
export function checkedFieldRule(snapshot: Snapshot, registry: FieldTypeRegistry, obj: ObjectDef, field: Field, key: FieldCondition | 'defaultValue'): CheckedRule {
  const expect = key === 'defaultValue' ? [ruleTypeOf(registry, field)] : undefined;
  return once(snapshot, `${obj.name}.${field.name}:${key}`, () => checkRule(field[key], objectScope(snapshot, obj, registry, true), expect));
}

/** A validation rule's condition (one of `obj.validationRules`). */
export function checkedValidationRule(snapshot: Snapshot, registry: FieldTypeRegistry, obj: ObjectDef, rule: ValidationRule): CheckedRule {
  return once(snapshot, `${obj.name}:validationRules/${obj.validationRules.indexOf(rule)}`, () => checkRule(rule.condition, objectScope(snapshot, obj, registry, true)));
}
