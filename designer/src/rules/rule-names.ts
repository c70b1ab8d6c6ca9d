import type { RawValidationRule } from '../../../engine/shared/metadata-types';

/** What a validation rule's name must look like (the metadata's apiName). */
export const RULE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** Why a rule's name cannot stay as it is: malformed, or used by another rule of the object. */
export function nameProblem(rules: RawValidationRule[], i: number): 'nameInvalid' | 'nameTaken' | undefined {
  const name = rules[i]!.name;
  if (!RULE_NAME.test(name)) return 'nameInvalid';
  return rules.some((r, j) => j !== i && r.name === name) ? 'nameTaken' : undefined;
}

/** A name no rule of the object has yet: rule_1, rule_2… */
export function freshRuleName(rules: RawValidationRule[]): string {
  const taken = new Set(rules.map((r) => r.name));
  let n = rules.length + 1;
  while (taken.has(`rule_${n}`)) n++;
  return `rule_${n}`;
}
