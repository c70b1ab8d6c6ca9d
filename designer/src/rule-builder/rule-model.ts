/**
 * The visual builder's model of a rule, and the two-way mapping with
 * json-logic. A condition is a tree of AND/OR groups, NOTs, comparisons of a
 * field and other boolean expressions; an expression (formula, default) is
 * an expression tree. `toRule(fromRule(rule))` gives back the same JSON for
 * everything `fromRule` accepts; anything else is undefined (shown raw).
 */
import { comparisonOf, comparisonToRule, COMPARISONS, type ComparisonId } from './comparisons';
import { exprToRule, parseExpr, sameJson, type ExprNode } from './expr-model';

/** AND / OR over conditions. The top group is `implicit` when the rule itself is not a group (a single condition, or nothing). */
export interface GroupNode {
  kind: 'group';
  join: 'and' | 'or';
  children: CondNode[];
  implicit?: boolean;
}

/** NOT of a condition; `bare` when written {"!": x} rather than {"!": [x]}. */
export interface NotNode {
  kind: 'not';
  child: CondNode;
  bare?: boolean;
}

/** A field compared by an operator with value operands; `field` is empty while the admin has not picked one. */
export interface CompareNode {
  kind: 'cmp';
  field: string;
  op: ComparisonId;
  args: ExprNode[];
  /** {"var": ["f"]} rather than {"var": "f"}. */
  listedVar?: boolean;
}

/** Any other boolean expression (a function call such as regex_match). */
export interface ExprCondNode {
  kind: 'expr';
  expr: ExprNode;
}

export type CondNode = GroupNode | NotNode | CompareNode | ExprCondNode;

export type RuleMode = 'condition' | 'expression';

/** What the visual tab edits. */
export type RuleTree = { mode: 'condition'; root: GroupNode } | { mode: 'expression'; root?: ExprNode };

const isPlainObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function condFromRule(rule: unknown): CondNode | undefined {
  if (isPlainObject(rule) && Object.keys(rule).length === 1) {
    const [key] = Object.keys(rule) as [string];
    const raw = rule[key];
    if ((key === 'and' || key === 'or') && Array.isArray(raw)) {
      const children = raw.map(condFromRule);
      return children.every((c): c is CondNode => c !== undefined) ? { kind: 'group', join: key, children } : undefined;
    }
    if (key === '!') {
      if (!Array.isArray(raw)) {
        const child = condFromRule(raw);
        return child && { kind: 'not', child, bare: true };
      }
      if (raw.length === 1) {
        const child = condFromRule(raw[0]);
        return child && { kind: 'not', child };
      }
    }
  }
  const expr = parseExpr(rule);
  if (!expr) return undefined;
  if (expr.kind === 'call') {
    const cmp = comparisonOf(expr);
    if (cmp) {
      const node: CompareNode = { kind: 'cmp', field: cmp.field, op: cmp.id, args: cmp.args, ...(cmp.listedVar ? { listedVar: true } : {}) };
      if (sameJson(condToRule(node), rule)) return node;
    }
  }
  return { kind: 'expr', expr };
}

/** Whether a condition row is finished enough to be written (a field is picked). */
const isWritable = (n: CondNode): boolean => n.kind !== 'cmp' || n.field !== '';

function condToRule(node: CondNode): unknown {
  switch (node.kind) {
    case 'group':
      return { [node.join]: node.children.filter(isWritable).map(condToRule) };
    case 'not':
      return { '!': node.bare ? condToRule(node.child) : [condToRule(node.child)] };
    case 'cmp': {
      const n = COMPARISONS[node.op].operands === 'two' ? 2 : COMPARISONS[node.op].operands === 'none' ? 0 : 1;
      const args = Array.from({ length: n }, (_, i) => (node.args[i] ? exprToRule(node.args[i]!) : null));
      return comparisonToRule(node.field, node.op, args, !!node.listedVar);
    }
    case 'expr':
      return exprToRule(node.expr);
  }
}

/** Reads a rule into the builder's tree; undefined when the builder cannot show it as written. */
export function fromRule(rule: unknown, mode: RuleMode = 'condition'): RuleTree | undefined {
  if (mode === 'expression') {
    if (rule === undefined) return { mode, root: undefined };
    const root = parseExpr(rule);
    return root && { mode, root };
  }
  if (rule === undefined) return { mode, root: { kind: 'group', join: 'and', children: [], implicit: true } };
  const cond = condFromRule(rule);
  if (!cond) return undefined;
  const root: GroupNode = cond.kind === 'group' ? cond : { kind: 'group', join: 'and', children: [cond], implicit: true };
  return { mode, root };
}

/** Writes the builder's tree as json-logic (undefined for an empty rule). Rows without a field are left out. */
export function toRule(tree: RuleTree): unknown {
  if (tree.mode === 'expression') return tree.root && exprToRule(tree.root);
  const root = tree.root;
  if (!root.implicit) return condToRule(root);
  const children = root.children.filter(isWritable);
  if (children.length === 0) return undefined;
  if (children.length === 1) return condToRule(children[0]!);
  return { [root.join]: children.map(condToRule) };
}
