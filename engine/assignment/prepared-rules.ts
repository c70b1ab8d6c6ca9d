import type { CompiledObject } from '../metadata/compiled-object';
import type { Snapshot } from '../metadata/snapshot';
import type { FieldTypeRegistry } from '../field-types/registry';
import { objectScope } from '../rules/rule-scope';
import type { AssignmentRule } from '../shared/metadata-types';
import { checkRule } from '../shared/rules/check/check-rule';
import { compileRule, type CompiledRule } from '../shared/rules/interpreter';
import { lookupPathsOf } from '../shared/rules/typed-ast';

/** An active assignment rule ready to run: its criteria compiled once (absent criteria match every record). */
export interface PreparedAssignmentRule {
  rule: AssignmentRule;
  criteria?: CompiledRule;
}

/** An object's active assignment rules in order, and the lookup paths their criteria read ("account.industry"). */
export interface PreparedAssignment {
  rules: PreparedAssignmentRule[];
  lookupPaths: string[];
}

// A compiled object belongs to one metadata version and never changes, so its
// rules are compiled on first use and kept as long as the version is.
const preparedByObject = new WeakMap<CompiledObject, PreparedAssignment>();

/** The object's active assignment rules, compiled once per metadata version. */
export function preparedAssignmentRules(obj: CompiledObject, snapshot: Snapshot, registry: FieldTypeRegistry): PreparedAssignment {
  let prepared = preparedByObject.get(obj);
  if (prepared) return prepared;
  const paths = new Set<string>();
  const rules = obj.def.assignmentRules
    .filter((r) => r.active)
    .map((rule) => {
      if (rule.criteria === undefined) return { rule };
      const { expr } = checkRule(rule.criteria, objectScope(snapshot, obj.def, registry, true));
      if (expr) lookupPathsOf(expr).forEach((p) => paths.add(p));
      return { rule, criteria: compileRule(rule.criteria) };
    });
  prepared = { rules, lookupPaths: [...paths] };
  preparedByObject.set(obj, prepared);
  return prepared;
}
