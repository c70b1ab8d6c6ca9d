import { quoteIdent } from '../db/knex';
import type { FieldTypeRegistry } from '../field-types/registry';
import type { Snapshot } from '../metadata/snapshot';
import { inlineParams } from '../query/inline-params';
import { qualified } from '../schema-engine/column-ddl';
import type { ObjectDef } from '../shared/metadata-types';
import { compileExpr } from './sql/compile-expr';
import { checkedFormula } from './checked-rules';
import { resolvePath } from './rule-scope';

/**
 * SQL that reads one field path of `obj` from the row `rowRef` (a qualified
 * table or an alias): a column, a formula's expression, or a subquery through
 * lookups. Formula constants are inlined; `now` reads the statement's clock.
 */
export function fieldSql(snapshot: Snapshot, registry: FieldTypeRegistry, schema: string, obj: ObjectDef, rowRef: string, path: string, depth = 0): string {
  const hit = resolvePath(snapshot, obj, path);
  if (!hit) throw new Error(`unknown field path ${obj.name}.${path}`);
  if (depth > 32) throw new Error('formulas refer to each other too deeply');
  if (!hit.hops.length) {
    if (hit.field.type !== 'formula') return `${rowRef}.${quoteIdent(hit.field.name)}`;
    const { expr, issues } = checkedFormula(snapshot, registry, obj, hit.field);
    if (!expr) throw new Error(`formula ${obj.name}.${hit.field.name} is invalid: ${issues[0]?.message}`);
    const compiled = compileExpr(expr, { column: (p) => fieldSql(snapshot, registry, schema, obj, rowRef, p, depth + 1), now: 'sql' });
    return `(${inlineParams(compiled)})`;
  }
  const first = hit.hops[0];
  const alias = `l${depth + 1}`;
  const inner = fieldSql(snapshot, registry, schema, first!.target, alias, path.split('.').slice(1).join('.'), depth + 1);
  return `(SELECT ${inner} FROM ${qualified(schema, first!.target.name)} ${alias} WHERE ${alias}.id = ${rowRef}.${quoteIdent(first!.lookup.name)})`;
}

/** Every formula of an object as a select-list expression, ready for knex (a literal "?" is written as \x3f by sqlLiteral). */
export function formulaColumns(snapshot: Snapshot, registry: FieldTypeRegistry, schema: string, obj: ObjectDef): Map<string, string> {
  const table = qualified(schema, obj.name);
  return new Map(obj.fields.filter((f) => f.type === 'formula').map((f) => [f.name, fieldSql(snapshot, registry, schema, obj, table, f.name)]));
}
