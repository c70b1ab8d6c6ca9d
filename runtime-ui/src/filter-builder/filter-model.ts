import type { FieldDef } from '../api/describe';
import { filterKindOf, OPERATORS, OPERATORS_BY_KIND, type FilterKind, type OperatorId } from './operators';

/** One condition: a field, an operator and the operator's value. */
export interface FilterCondition {
  kind: 'condition';
  field: string;
  op: OperatorId;
  value?: unknown;
}

/** Conditions and nested groups joined by AND or OR. */
export interface FilterGroup {
  kind: 'group';
  join: 'and' | 'or';
  children: FilterNode[];
}

export type FilterNode = FilterCondition | FilterGroup;

export const emptyFilter = (): FilterGroup => ({ kind: 'group', join: 'and', children: [] });

/** Whether a condition has the value its operator needs (incomplete ones are left out of the rule). */
export function isComplete(c: FilterCondition): boolean {
  const arity = OPERATORS[c.op].arity;
  if (arity === 'none') return true;
  if (arity === 'one') return c.value !== undefined && c.value !== null && c.value !== '';
  if (arity === 'days') return typeof c.value === 'number' && Number.isInteger(c.value) && c.value >= 0;
  if (arity === 'list') return Array.isArray(c.value) && c.value.length > 0;
  return Array.isArray(c.value) && c.value.length === 2 && c.value.every((x) => x !== undefined && x !== null && x !== '');
}

/**
 * The json-logic of a filter, or undefined when it has no complete condition.
 * A group of one is written as its only member, so a single condition is a
 * plain rule.
 */
export function toJsonLogic(node: FilterNode, fields: FieldDef[]): unknown {
  if (node.kind === 'condition') {
    const field = fields.find((f) => f.name === node.field);
    const kind = field && filterKindOf(field);
    return kind && isComplete(node) ? OPERATORS[node.op].toLogic(node.field, node.value, kind) : undefined;
  }
  const parts = node.children.map((c) => toJsonLogic(c, fields)).filter((x) => x !== undefined);
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return { [node.join]: parts };
}

/** The first field a rule names ({"var": "…"} that is not a context variable). */
function firstVar(rule: unknown): string | undefined {
  if (Array.isArray(rule)) {
    for (const x of rule) {
      const found = firstVar(x);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof rule !== 'object' || rule === null) return undefined;
  const r = rule as Record<string, unknown>;
  if (typeof r.var === 'string' && !r.var.startsWith('$')) return r.var;
  return firstVar(Object.values(r));
}

function conditionOf(rule: unknown, fields: FieldDef[]): FilterCondition | undefined {
  const name = firstVar(rule);
  const field = name === undefined ? undefined : fields.find((f) => f.name === name);
  const kind: FilterKind | undefined = field && filterKindOf(field);
  if (!kind) return undefined;
  for (const op of OPERATORS_BY_KIND[kind]) {
    const hit = OPERATORS[op].fromLogic(rule, kind);
    if (hit && hit.field === name) return { kind: 'condition', field: name, op, ...('value' in hit ? { value: hit.value } : {}) };
  }
  return undefined;
}

/**
 * Reads json-logic back into the builder's tree; undefined when the rule uses
 * something the builder cannot show (then it is kept as it is, read-only).
 * The top level is always a group.
 */
export function fromJsonLogic(rule: unknown, fields: FieldDef[]): FilterGroup | undefined {
  if (rule === undefined || rule === null) return emptyFilter();
  const node = nodeOf(rule, fields);
  if (!node) return undefined;
  return node.kind === 'group' ? node : { kind: 'group', join: 'and', children: [node] };
}

function nodeOf(rule: unknown, fields: FieldDef[]): FilterNode | undefined {
  if (typeof rule === 'object' && rule !== null && !Array.isArray(rule)) {
    const keys = Object.keys(rule);
    const join = keys.length === 1 && (keys[0] === 'and' || keys[0] === 'or') ? keys[0] : undefined;
    const args = join && (rule as Record<string, unknown>)[join];
    if (join && Array.isArray(args)) {
      const children = args.map((a) => nodeOf(a, fields));
      return children.every((c) => c !== undefined) ? { kind: 'group', join, children: children as FilterNode[] } : undefined;
    }
  }
  return conditionOf(rule, fields);
}
