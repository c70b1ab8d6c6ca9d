/**
 * The builder's tree for a json-logic expression: literals, literal lists,
 * variables (fields or $context) and operation calls. Parsing keeps how the
 * rule was written ({"!": x} vs {"!": [x]}, {"var": "a"} vs {"var": ["a"]}),
 * so writing the tree back gives the very same JSON.
 */
import { isOperation, type OperationName } from '../../../engine/shared/rules/catalogue';

export type Literal = string | number | boolean | null;

/** One node of an expression. */
export type ExprNode =
  | { kind: 'lit'; value: Literal }
  | { kind: 'list'; values: (string | number | boolean)[] }
  /** A field path ("account.industry") or a context variable ("$user.id"); `listed` when written {"var": ["a"]} rather than {"var": "a"}. */
  | { kind: 'var'; path: string; listed?: boolean }
  /** An operation; `bare` when its single argument was written without the array. */
  | { kind: 'call'; op: OperationName; args: ExprNode[]; bare?: boolean };

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isListItem = (x: unknown): x is string | number | boolean => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';

/** Reads json-logic into an expression tree; undefined for anything the builder cannot show (unknown operations, var defaults…). */
export function parseExpr(rule: unknown): ExprNode | undefined {
  if (rule === null || typeof rule === 'string' || typeof rule === 'boolean') return { kind: 'lit', value: rule };
  if (typeof rule === 'number') return Number.isFinite(rule) ? { kind: 'lit', value: rule } : undefined;
  if (Array.isArray(rule)) return rule.every(isListItem) ? { kind: 'list', values: [...rule] } : undefined;
  if (!isPlainObject(rule)) return undefined;
  const keys = Object.keys(rule);
  if (keys.length !== 1) return undefined;
  const op = keys[0]!;
  const raw = rule[op];
  if (op === 'var') {
    if (typeof raw === 'string' && raw) return { kind: 'var', path: raw };
    if (Array.isArray(raw) && raw.length === 1 && typeof raw[0] === 'string' && raw[0]) return { kind: 'var', path: raw[0], listed: true };
    return undefined;
  }
  if (!isOperation(op)) return undefined;
  if (!Array.isArray(raw)) {
    const arg = parseExpr(raw);
    return arg && { kind: 'call', op, args: [arg], bare: true };
  }
  const args: ExprNode[] = [];
  for (const a of raw) {
    const parsed = parseExpr(a);
    if (!parsed) return undefined;
    args.push(parsed);
  }
  return { kind: 'call', op, args };
}

/** Writes an expression tree as json-logic. */
export function exprToRule(node: ExprNode): unknown {
  switch (node.kind) {
    case 'lit':
      return node.value;
    case 'list':
      return [...node.values];
    case 'var':
      return { var: node.listed ? [node.path] : node.path };
    case 'call':
      return { [node.op]: node.bare && node.args.length === 1 ? exprToRule(node.args[0]!) : node.args.map(exprToRule) };
  }
}

/** Plain JSON equality (key order ignored), for telling whether the builder can write a rule back unchanged. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson(a[k], b[k]));
}

/** The field paths an expression reads (context variables left out). */
export function fieldPathsIn(node: ExprNode, out: string[] = []): string[] {
  if (node.kind === 'var' && !node.path.startsWith('$')) out.push(node.path);
  if (node.kind === 'call') node.args.forEach((a) => fieldPathsIn(a, out));
  return out;
}
