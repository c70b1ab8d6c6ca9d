import type { Issue } from '../core/errors';
import type { FieldTypeRegistry } from '../field-types/registry';
import { objectScope, ruleTypeOf } from '../rules/rule-scope';
import type { Field, ObjectDef } from '../shared/metadata-types';
import type { RuleType } from '../shared/rules/catalogue';
import { checkRule } from '../shared/rules/check/check-rule';
import type { Snapshot } from './snapshot';

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Whether a value of rule type `got` may be stored in a field of rule type `want` (null fits everywhere; a date literal reads as text too). */
const fits = (got: RuleType, want: RuleType, literal: boolean) => got === 'null' || got === want || want === 'any' || (literal && want === 'string' && (got === 'date' || got === 'datetime'));

/** The allowed values of a picklist field, when a literal must be one of them. */
const picklistValues = (f: Field): string[] | undefined =>
  f.type === 'picklist' && Array.isArray(f.options.values) ? (f.options.values as { value: string }[]).map((v) => v.value) : undefined;

/** One mapped value: an expression over the source, typed against the field it fills. */
function checkValue(snapshot: Snapshot, registry: FieldTypeRegistry, source: ObjectDef, target: Field, owner: string, rule: unknown, path: string): Issue[] {
  const { expr, issues } = checkRule(rule, objectScope(snapshot, source, registry, true));
  if (!expr) return issues.map((i) => ({ path: `${path}${i.path}`, code: 'MAPPING_INVALID', message: i.message }));
  const want = ruleTypeOf(registry, target);
  if (!fits(expr.type, want, expr.kind === 'lit')) {
    return [{ path, code: 'MAPPING_TYPE', message: `${owner}.${target.name} holds ${want === 'list' ? 'a list' : `a ${want}`}; the mapping gives a ${expr.type}` }];
  }
  const allowed = picklistValues(target);
  if (expr.kind === 'lit' && typeof expr.value === 'string' && allowed && !allowed.includes(expr.value)) {
    return [{ path, code: 'MAPPING_VALUE', message: `"${expr.value}" is not a value of ${owner}.${target.name}` }];
  }
  return [];
}

/**
 * Conversion mappings are type-checked at publish: every mapped expression
 * against the field it fills, and every required field of a target is
 * mapped, linked or defaulted — so a conversion never fails for a reason the
 * admin could have been told about. Issues → 400 METADATA_MAPPING_INVALID.
 */
export function checkMappings(snapshot: Snapshot, registry: FieldTypeRegistry): Issue[] {
  const issues: Issue[] = [];
  for (const source of snapshot.objects.values()) {
    if (!source.conversion) continue;
    const base = `/objects/${source.name}/conversion`;
    source.conversion.targets.forEach((t, i) => {
      const target = snapshot.objects.get(t.object);
      if (!target) return;
      for (const [name, rule] of Object.entries(t.fields)) {
        const f = target.fields.find((x) => x.name === name);
        if (f) issues.push(...checkValue(snapshot, registry, source, f, t.object, rule, `${base}/targets/${i}/fields/${escape(name)}`));
      }
      for (const f of target.fields) {
        const filled = f.name in t.fields || f.name in t.links || f.defaultValue !== undefined || (f.system && f.name !== 'name');
        if (f.required && !filled && registry.describe(f.type).writable) {
          issues.push({ path: `${base}/targets/${i}/fields`, code: 'MAPPING_REQUIRED', message: `${t.object}.${f.name} is required: map it, link it or give it a default` });
        }
      }
    });
    for (const [name, rule] of Object.entries(source.conversion.source.set)) {
      const f = source.fields.find((x) => x.name === name);
      if (f) issues.push(...checkValue(snapshot, registry, source, f, source.name, rule, `${base}/source/set/${escape(name)}`));
    }
  }
  return issues;
}

/** Assignment criteria are conditions over the new record (and $user / $now). Issues → METADATA_RULE_INVALID. */
export function checkAssignmentCriteria(snapshot: Snapshot, registry: FieldTypeRegistry): Issue[] {
  const issues: Issue[] = [];
  for (const obj of snapshot.objects.values()) {
    obj.assignmentRules.forEach((r, i) => {
      if (r.criteria === undefined) return;
      const found = checkRule(r.criteria, objectScope(snapshot, obj, registry, true), ['boolean']).issues;
      issues.push(...found.map((x) => ({ path: `/objects/${obj.name}/assignmentRules/${i}/criteria${x.path}`, code: 'RULE_INVALID', message: x.message })));
    });
  }
  return issues;
}
