import { AppError } from '../core/errors';
import { valueKindOf, type FieldTypeRegistry } from '../field-types/registry';
import type { ValueKind } from '../field-types/types';
import type { Field } from '../shared/metadata-types';
import type { Comparison, FilterNode } from './filter-ast';

const MAX_DEPTH = 64;
const MAX_LIST = 10000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const COMPARISONS: Record<string, Comparison> = { '==': '=', '===': '=', '!=': '<>', '!==': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const FLIPPED: Record<Comparison, Comparison> = { '=': '=', '<>': '<>', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface ParseContext {
  fields: Map<string, Field>;
  registry: FieldTypeRegistry;
}

const invalid = (message: string, path: string) => new AppError('QUERY_INVALID_FILTER', message, { path });

const isVar = (x: Json): x is { var: string } => typeof x === 'object' && x !== null && !Array.isArray(x) && Object.keys(x).length === 1 && 'var' in x;

function varName(x: { var: Json }, path: string): string {
  const v = Array.isArray(x.var) ? x.var[0] : x.var;
  if (typeof v !== 'string') throw invalid('"var" must name a field', path);
  return v;
}

function resolveField(ctx: ParseContext, x: { var: Json }, path: string): Field {
  const name = varName(x, path);
  const field = ctx.fields.get(name);
  if (!field) throw new AppError('QUERY_UNKNOWN_FIELD', `unknown field "${name}"`, { field: name, path });
  return field;
}

const kindOf = (ctx: ParseContext, f: Field): ValueKind => valueKindOf(ctx.registry, f);

/** Checks a literal against the field's kind and returns the value to bind. */
function literalFor(ctx: ParseContext, field: Field, value: Json, path: string): unknown {
  const kind = kindOf(ctx, field);
  const ok =
    (kind === 'string' && typeof value === 'string') ||
    (kind === 'number' && typeof value === 'number' && Number.isFinite(value)) ||
    (kind === 'boolean' && typeof value === 'boolean') ||
    (kind === 'date' && typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value))) ||
    (kind === 'datetime' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) ||
    (kind === 'uuid' && typeof value === 'string' && UUID.test(value)) ||
    (kind === 'array' && typeof value === 'string');
  if (!ok) throw invalid(`${JSON.stringify(value)} is not a valid ${field.type} value for ${field.name}`, path);
  return kind === 'datetime' ? new Date(value as string).toISOString() : value;
}

function args(node: Json, op: string, path: string, min: number, max: number): Json[] {
  const list = Array.isArray(node) ? node : [node];
  if (list.length < min || list.length > max) throw invalid(`"${op}" takes ${min === max ? min : `${min} to ${max}`} arguments`, path);
  return list;
}

function parseComparison(ctx: ParseContext, op: string, raw: Json, path: string): FilterNode {
  const list = args(raw, op, path, 2, 3);
  if (list.length === 3) {
    if (op !== '<' && op !== '<=') throw invalid(`"${op}" takes 2 arguments`, path);
    // json-logic's between: {"<": [low, {"var": x}, high]}
    return { op: 'and', args: [parseComparison(ctx, op, [list[0]!, list[1]!], path), parseComparison(ctx, op, [list[1]!, list[2]!], path)] };
  }
  let [a, b] = list as [Json, Json];
  let cmp = COMPARISONS[op]!;
  if (!isVar(a) && isVar(b)) {
    [a, b] = [b, a];
    cmp = FLIPPED[cmp];
  }
  if (!isVar(a)) throw invalid(`"${op}" must compare a field ({"var": ...}) with a value`, path);
  if (isVar(b)) throw invalid(`"${op}" between two fields is not supported in list filters`, path);
  const field = resolveField(ctx, a, path);
  if (b === null) {
    if (cmp !== '=' && cmp !== '<>') throw invalid(`"${op}" cannot compare with null`, path);
    return { op: 'null', field, negate: cmp === '<>' };
  }
  if (kindOf(ctx, field) === 'array') throw invalid(`use "in" or "contains" to test ${field.name}`, path);
  if (kindOf(ctx, field) === 'boolean' || kindOf(ctx, field) === 'uuid') {
    if (cmp !== '=' && cmp !== '<>') throw invalid(`"${op}" does not apply to ${field.type} fields`, path);
  }
  return { op: 'cmp', cmp, field, value: literalFor(ctx, field, b, path) };
}

function parseIn(ctx: ParseContext, raw: Json, path: string): FilterNode {
  const [needle, hay] = args(raw, 'in', path, 2, 2) as [Json, Json];
  if (isVar(needle) && Array.isArray(hay)) {
    const field = resolveField(ctx, needle, path);
    if (hay.length > MAX_LIST) throw invalid(`"in" lists are limited to ${MAX_LIST} values`, path);
    if (kindOf(ctx, field) === 'array') return { op: 'or', args: hay.map((v, i) => ({ op: 'hasAll', field, values: [literalFor(ctx, field, v, `${path}/1/${i}`) as string] }) as FilterNode) };
    return { op: 'in', field, values: hay.map((v, i) => literalFor(ctx, field, v, `${path}/1/${i}`)) };
  }
  if (isVar(hay) && typeof needle === 'string') return parseTextMatch(ctx, 'contains', [hay, needle], path);
  throw invalid('"in" takes a field and a list of values, or a string and a field', path);
}

function parseTextMatch(ctx: ParseContext, op: string, raw: Json, path: string): FilterNode {
  const [a, b] = args(raw, op, path, 2, 2) as [Json, Json];
  if (!isVar(a) || typeof b !== 'string') throw invalid(`"${op}" takes a field and a string`, path);
  const field = resolveField(ctx, a, path);
  const kind = kindOf(ctx, field);
  if (kind === 'array' && op === 'contains') return { op: 'hasAll', field, values: [literalFor(ctx, field, b, path) as string] };
  if (kind !== 'string') throw invalid(`"${op}" applies to text fields, not ${field.type}`, path);
  const mode = op === 'contains' ? 'contains' : op === 'starts_with' ? 'starts' : 'ends';
  return { op: 'like', field, mode, value: b };
}

function parseEmpty(ctx: ParseContext, op: string, raw: Json, path: string): FilterNode {
  const [a] = args(raw, op, path, 1, 1) as [Json];
  if (!isVar(a)) throw invalid(`"${op}" takes a field`, path);
  return { op: 'empty', field: resolveField(ctx, a, path), negate: op === 'not_empty' };
}

function parseNode(ctx: ParseContext, node: Json, path: string, depth: number): FilterNode {
  if (depth > MAX_DEPTH) throw invalid(`filters may nest at most ${MAX_DEPTH} levels`, path);
  if (typeof node === 'boolean') return { op: 'const', value: node };
  if (typeof node !== 'object' || node === null || Array.isArray(node)) throw invalid('a filter must be a json-logic rule object', path);
  const keys = Object.keys(node);
  if (keys.length !== 1) throw invalid('a json-logic rule has exactly one operator', path);
  const op = keys[0]!;
  const raw = node[op] as Json;
  const at = `${path}/${op}`;
  if (op === 'var') {
    const field = resolveField(ctx, node as { var: Json }, at);
    if (kindOf(ctx, field) !== 'boolean') throw invalid(`"${field.name}" alone is a condition only for boolean fields`, at);
    return { op: 'true', field };
  }
  if (op in COMPARISONS) return parseComparison(ctx, op, raw, at);
  switch (op) {
    case 'and':
    case 'or': {
      const list = args(raw, op, at, 1, MAX_LIST);
      return { op, args: list.map((n, i) => parseNode(ctx, n, `${at}/${i}`, depth + 1)) };
    }
    case '!':
      return { op: 'not', arg: parseNode(ctx, args(raw, op, at, 1, 1)[0]!, `${at}/0`, depth + 1) };
    case '!!':
      return parseNode(ctx, args(raw, op, at, 1, 1)[0]!, `${at}/0`, depth + 1);
    case 'in':
      return parseIn(ctx, raw, at);
    case 'contains':
    case 'starts_with':
    case 'ends_with':
      return parseTextMatch(ctx, op, raw, at);
    case 'is_empty':
    case 'not_empty':
      return parseEmpty(ctx, op, raw, at);
    default:
      throw invalid(`operator "${op}" is not supported in list filters`, at);
  }
}

/** Parses a json-logic filter against an object's fields (the caller passes only visible fields). */
export function parseFilter(rule: unknown, fields: Map<string, Field>, registry: FieldTypeRegistry): FilterNode {
  return parseNode({ fields, registry }, rule as Json, '', 0);
}
