/**
 * The comparisons a condition row offers: field, operator, value(s). Each
 * operator writes one json-logic shape and reads only that shape back.
 */
import type { OperationName } from '../../../engine/shared/rules/catalogue';
import type { ExprNode } from './expr-model';
import type { FieldKind } from './rule-fields';

export const COMPARISON_IDS = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'between', 'contains', 'starts_with', 'ends_with', 'is_empty', 'not_empty', 'in', 'is_true', 'is_false', 'in_set'] as const;
export type ComparisonId = (typeof COMPARISON_IDS)[number];

/** How many value operands an operator takes besides the field: none, one, two (between) or a literal list. */
export type Operands = 'none' | 'one' | 'two' | 'list';

export interface ComparisonDef {
  /** The json-logic operation it writes. */
  op: OperationName;
  operands: Operands;
}

export const COMPARISONS: Record<ComparisonId, ComparisonDef> = {
  eq: { op: '==', operands: 'one' },
  ne: { op: '!=', operands: 'one' },
  lt: { op: '<', operands: 'one' },
  le: { op: '<=', operands: 'one' },
  gt: { op: '>', operands: 'one' },
  ge: { op: '>=', operands: 'one' },
  between: { op: '<=', operands: 'two' },
  contains: { op: 'contains', operands: 'one' },
  starts_with: { op: 'starts_with', operands: 'one' },
  ends_with: { op: 'ends_with', operands: 'one' },
  is_empty: { op: 'is_empty', operands: 'none' },
  not_empty: { op: 'not_empty', operands: 'none' },
  in: { op: 'in', operands: 'list' },
  is_true: { op: '==', operands: 'none' },
  is_false: { op: '==', operands: 'none' },
  in_set: { op: 'in_set', operands: 'one' },
};

const ORDERED: ComparisonId[] = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'between', 'is_empty', 'not_empty'];

/** The operators offered for each kind of field, in menu order. */
export const COMPARISONS_BY_KIND: Record<FieldKind, ComparisonId[]> = {
  text: ['eq', 'ne', 'contains', 'starts_with', 'ends_with', 'is_empty', 'not_empty', 'in'],
  number: ORDERED,
  date: ORDERED,
  datetime: ORDERED,
  boolean: ['is_true', 'is_false', 'is_empty', 'not_empty'],
  picklist: ['eq', 'ne', 'in', 'is_empty', 'not_empty'],
  multipicklist: ['in_set', 'contains', 'is_empty', 'not_empty'],
  lookup: ['eq', 'ne', 'is_empty', 'not_empty', 'in'],
};

/** A comparison of a field: the json-logic it stands for. */
export function comparisonToRule(field: string, id: ComparisonId, args: unknown[], listedVar: boolean): unknown {
  const v = { var: listedVar ? [field] : field };
  const def = COMPARISONS[id];
  if (id === 'is_true' || id === 'is_false') return { '==': [v, id === 'is_true'] };
  if (def.operands === 'none') return { [def.op]: [v] };
  if (def.operands === 'two') return { [def.op]: [args[0], v, args[1]] };
  return { [def.op]: [v, args[0]] };
}

/** The field variable at a position of an operation's arguments, or undefined when it is not a plain field. */
const fieldAt = (args: ExprNode[], i: number): Extract<ExprNode, { kind: 'var' }> | undefined => {
  const a = args[i];
  return a?.kind === 'var' && !a.path.startsWith('$') ? a : undefined;
};

/** Reads an operation call as a comparison of a field, when it has one of the comparison shapes. */
export function comparisonOf(call: Extract<ExprNode, { kind: 'call' }>): { field: string; listedVar: boolean; id: ComparisonId; args: ExprNode[] } | undefined {
  if (call.bare) return undefined;
  const { op, args } = call;
  if (op === '<=' && args.length === 3) {
    const f = fieldAt(args, 1);
    return f && { field: f.path, listedVar: !!f.listed, id: 'between', args: [args[0]!, args[2]!] };
  }
  const f = fieldAt(args, 0);
  if (!f) return undefined;
  const hit = (id: ComparisonId, rest: ExprNode[]) => ({ field: f.path, listedVar: !!f.listed, id, args: rest });
  if (args.length === 1) return op === 'is_empty' || op === 'not_empty' ? hit(op, []) : undefined;
  if (args.length !== 2) return undefined;
  const value = args[1]!;
  if (op === '==' && value.kind === 'lit' && typeof value.value === 'boolean') return hit(value.value ? 'is_true' : 'is_false', []);
  if (op === 'in') return value.kind === 'list' ? hit('in', [value]) : undefined;
  const id = (Object.keys(COMPARISONS) as ComparisonId[]).find((k) => COMPARISONS[k].op === op && COMPARISONS[k].operands === 'one');
  return id ? hit(id, [value]) : undefined;
}
