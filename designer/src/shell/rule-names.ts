/** What a rule's name must look like (the metadata's apiName). */
export const RULE_NAME = /^[a-z][a-z0-9_]{0,62}$/;

/** Why the name of the rule at `i` cannot stay as it is: malformed, or used by another rule of the object. */
export function nameProblem(rules: readonly { name: string }[], i: number): 'nameInvalid' | 'nameTaken' | undefined {
  const name = rules[i]!.name;
  if (!RULE_NAME.test(name)) return 'nameInvalid';
  return rules.some((r, j) => j !== i && r.name === name) ? 'nameTaken' : undefined;
}

/** A name no rule of the object has yet: `${prefix}_1`, `${prefix}_2`… counting on from the number of rules. */
export function freshName(rules: readonly { name: string }[], prefix: string): string {
  const taken = new Set(rules.map((r) => r.name));
  let n = rules.length + 1;
  while (taken.has(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}
