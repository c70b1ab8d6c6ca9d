import { AppError } from '../core/errors';
import { valueKindOf, type FieldTypeRegistry } from '../field-types/registry';
import type { CompiledObject } from '../metadata/compiled-object';
import type { Snapshot } from '../metadata/snapshot';
import { fieldSql } from '../rules/formula-sql';
import { resolvePath, ruleTypeOf } from '../rules/rule-scope';
import { compileExpr } from '../rules/sql/compile-expr';
import type { Field, ObjectDef } from '../shared/metadata-types';
import { checkRule } from '../shared/rules/check/check-rule';
import type { Expr } from '../shared/rules/typed-ast';
import type { SqlFragment } from './sql-fragment';
import { fieldNotAccessible, pathReadable } from '../security/field-access';
import { isUuid } from '../records/record-id';

/** Literals compared with a uuid column must be uuids: refused here rather than failing in SQL. */
function checkUuidLiterals(e: Expr, isUuidField: (name: string) => boolean): void {
  if (e.kind !== 'op') return;
  const vars = e.args.filter((a) => a.kind === 'var' && isUuidField(a.name));
  if (vars.length && ['<', '<=', '>', '>=', 'min', 'max'].includes(e.op)) throw new AppError('QUERY_INVALID_FILTER', `"${e.op}" does not apply to record ids`, { path: e.path });
  if (vars.length && ['==', '===', '!=', '!==', 'in'].includes(e.op)) {
    const literals = e.args.flatMap((a) => (a.kind === 'lit' && typeof a.value === 'string' ? [{ v: a.value, path: a.path }] : a.kind === 'list' ? a.values.map((v, i) => ({ v: String(v), path: `${a.path}/${i}` })) : []));
    const bad = literals.find((l) => !isUuid(l.v));
    if (bad) throw new AppError('QUERY_INVALID_FILTER', `${JSON.stringify(bad.v)} is not a record id`, { path: bad.path });
  }
  e.args.forEach((a) => checkUuidLiterals(a, isUuidField));
}

/** Whether the caller may read a field of an object (field-level security). */
export type FieldReadable = (def: ObjectDef, field: Field) => boolean;

/**
 * A list filter in the one rule language: checked against the fields the
 * caller may read (every step through lookups too: a hidden one is 403
 * FIELD_NOT_ACCESSIBLE), compiled to a WHERE predicate with bound values;
 * $user and $now stay placeholders for bindParams.
 */
export function compileListFilter(rule: unknown, obj: CompiledObject, snapshot: Snapshot, registry: FieldTypeRegistry, readable: FieldReadable): SqlFragment {
  // A list filter is a rule (or true/false), not a bare value.
  if (typeof rule !== 'boolean' && (typeof rule !== 'object' || rule === null || Array.isArray(rule))) throw new AppError('QUERY_INVALID_FILTER', 'a filter must be a json-logic rule object', { path: '' });
  const fieldAt = (path: string) => resolvePath(snapshot, obj.def, path)?.field;
  const { expr, issues } = checkRule(rule, { allowContext: true, resolve: (p) => {
    const f = fieldAt(p);
    if (f && !pathReadable(snapshot, obj.def, p, readable)) throw fieldNotAccessible(p, '/filter');
    return f ? ruleTypeOf(registry, f) : undefined;
  } });
  if (!expr) {
    const issue = issues[0]!;
    const unknown = /^unknown field "(.*)"$/.exec(issue.message);
    if (unknown) throw new AppError('QUERY_UNKNOWN_FIELD', issue.message, { field: unknown[1], path: issue.path });
    throw new AppError('QUERY_INVALID_FILTER', issue.message, { path: issue.path });
  }
  const isUuidField = (name: string) => {
    const f = fieldAt(name);
    return !!f && valueKindOf(registry, f) === 'uuid';
  };
  checkUuidLiterals(expr, isUuidField);
  return compileExpr(
    expr,
    {
      column: (p) => fieldSql(snapshot, registry, obj.schema, obj.def, obj.table, p),
      castOf: (p) => (isUuidField(p) ? '::uuid' : undefined),
      now: 'bind',
    },
    'predicate',
  );
}
