import { valueKindOf, type FieldTypeRegistry } from '../field-types/registry';
import type { ValueKind } from '../field-types/types';
import type { Snapshot } from '../metadata/snapshot';
import type { Field, ObjectDef } from '../shared/metadata-types';
import type { RuleType } from '../shared/rules/catalogue';
import type { RuleScope } from '../shared/rules/typed-ast';

const RULE_TYPE: Record<ValueKind, RuleType> = { string: 'string', number: 'number', boolean: 'boolean', date: 'date', datetime: 'datetime', uuid: 'string', array: 'list' };

/** How many lookups a path may go through ("account.parent_account.industry" is 2). */
export const MAX_LOOKUP_HOPS = 3;

export const ruleTypeOf = (registry: FieldTypeRegistry, field: Field): RuleType => RULE_TYPE[valueKindOf(registry, field)];

/** Follows a dotted path through lookups: the fields along the way, or undefined. */
export function resolvePath(snapshot: Snapshot, obj: ObjectDef, path: string): { field: Field; hops: { lookup: Field; target: ObjectDef }[] } | undefined {
  const parts = path.split('.');
  if (parts.length > MAX_LOOKUP_HOPS + 1) return undefined;
  const hops: { lookup: Field; target: ObjectDef }[] = [];
  let current = obj;
  for (const part of parts.slice(0, -1)) {
    const lookup = current.fields.find((f) => f.name === part);
    const target = lookup?.type === 'lookup' ? snapshot.objects.get(lookup.options.target as string) : undefined;
    if (!lookup || !target) return undefined;
    hops.push({ lookup, target });
    current = target;
  }
  const field = current.fields.find((f) => f.name === parts.at(-1));
  return field ? { field, hops } : undefined;
}

/** The names a rule on `obj` may use, typed. `allowContext` is false for formulas. */
export function objectScope(snapshot: Snapshot, obj: ObjectDef, registry: FieldTypeRegistry, allowContext: boolean): RuleScope {
  return {
    allowContext,
    resolve(path) {
      const hit = resolvePath(snapshot, obj, path);
      return hit ? ruleTypeOf(registry, hit.field) : undefined;
    },
  };
}
