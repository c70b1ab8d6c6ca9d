import type { OperationName, RuleType } from './catalogue';

/** Context variables a rule may read. */
export const CONTEXT_VARS = { $now: 'datetime', '$user.id': 'string', '$user.roles': 'list', '$user.department': 'string' } as const satisfies Record<string, RuleType>;
export type ContextVar = keyof typeof CONTEXT_VARS;

/** A checked rule: every node knows its static type and where it came from (JSON pointer). */
export type Expr =
  | { kind: 'lit'; value: string | number | boolean | null; type: RuleType; path: string }
  | { kind: 'list'; values: (string | number | boolean)[]; type: 'list'; path: string }
  | { kind: 'var'; name: string; type: RuleType; path: string }
  | { kind: 'ctx'; name: ContextVar; type: RuleType; path: string }
  | { kind: 'op'; op: OperationName; args: Expr[]; type: RuleType; path: string };

/** What a rule is checked against: the fields it may name, with their rule types. */
export interface RuleScope {
  /** The rule type of a field or lookup path ("account.industry"), or undefined when unknown. */
  resolve(path: string): RuleType | undefined;
  /** Whether $user / $now may be used (not in formulas, which must not depend on who reads them). */
  allowContext: boolean;
}

/** A problem in a rule, at the JSON pointer of the offending node (relative to the rule). */
export interface RuleIssue {
  path: string;
  message: string;
}

/** The field paths a checked rule reads ("amount", "account.industry"), in reading order. */
export function fieldPathsOf(e: Expr, out: string[] = []): string[] {
  if (e.kind === 'var') out.push(e.name);
  if (e.kind === 'op') e.args.forEach((a) => fieldPathsOf(a, out));
  return out;
}

/** The paths a checked rule reads through lookups ("account.industry"). */
export const lookupPathsOf = (e: Expr): string[] => fieldPathsOf(e).filter((p) => p.includes('.'));
