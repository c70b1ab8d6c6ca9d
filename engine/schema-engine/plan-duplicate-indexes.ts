import { createHash } from 'node:crypto';
import { quoteIdent } from '../db/knex';
import { matchKeySql } from '../duplicates/match-methods';
import type { FieldTypeRegistry } from '../field-types/registry';
import type { Field, MatchMethod, ObjectDef } from '../shared/metadata-types';
import { qualified } from './column-ddl';
import type { PlanContext } from './plan-object';
import type { PlanAction } from './plan-types';

/** One index that serves a duplicate-rule condition. */
export interface DuplicateIndex {
  field: string;
  method: MatchMethod;
  /** btree for equality keys, hash for long text (no size limit), gin with trigrams for fuzzy. */
  using: 'btree' | 'hash' | 'gin';
  /** The indexed expression, exactly as the matching query writes it. */
  expression: string;
}

/** Whether the schema engine already gives the field a plain index (exact matching needs nothing more). */
const plainlyIndexed = (f: Field) => f.unique || f.indexed || f.type === 'lookup' || f.name === 'id';

/** Name from the object and what is indexed: a changed expression (or access method) is a new index. */
const duplicateIndexName = (object: string, ix: DuplicateIndex) =>
  `dx_${object.slice(0, 40)}_${createHash('sha1').update(`${object}:${ix.using}:${ix.expression}`).digest('hex').slice(0, 10)}`;

/**
 * The expression indexes the object's active duplicate rules need, keyed by
 * name: one per distinct (field, method) — the match key for normalized,
 * phone and company, trigrams of the normalized key for fuzzy, the column for
 * exact when nothing indexes it yet.
 */
export function duplicateIndexes(obj: ObjectDef, registry: FieldTypeRegistry): Map<string, DuplicateIndex> {
  const out = new Map<string, DuplicateIndex>();
  for (const rule of obj.duplicateRules.filter((r) => r.active)) {
    for (const c of rule.conditions) {
      const f = obj.fields.find((x) => x.name === c.field);
      if (!f || registry.describe(f.type).stored === false) continue;
      if (c.method === 'exact' && plainlyIndexed(f)) continue;
      const column = quoteIdent(f.name);
      const expression = c.method === 'exact' ? column : matchKeySql(c.method, column);
      const using = c.method === 'fuzzy' ? 'gin' : f.type === 'textarea' ? 'hash' : 'btree';
      const ix: DuplicateIndex = { field: f.name, method: c.method, using, expression };
      out.set(duplicateIndexName(obj.name, ix), ix);
    }
  }
  return out;
}

function createSql(ctx: PlanContext, obj: string, name: string, ix: DuplicateIndex): string {
  const target = ix.using === 'gin' ? `(${ix.expression}) public.gin_trgm_ops` : `(${ix.expression})`;
  return `CREATE INDEX ${quoteIdent(name)} ON ${qualified(ctx.schema, obj)} USING ${ix.using} (${target})`;
}

const create = (ctx: PlanContext, obj: string, name: string, ix: DuplicateIndex): PlanAction => ({
  kind: 'createIndex',
  object: obj,
  field: ix.field,
  description: `index ${obj}.${ix.field} for ${ix.method} duplicate matching`,
  destructive: false,
  sql: [createSql(ctx, obj, name, ix)],
});

const drop = (ctx: PlanContext, obj: string, name: string, ix: DuplicateIndex): PlanAction => ({
  kind: 'dropIndex',
  object: obj,
  field: ix.field,
  description: `drop the ${ix.method} duplicate-matching index on ${obj}.${ix.field}`,
  destructive: false,
  sql: [`DROP INDEX IF EXISTS ${qualified(ctx.schema, name)}`],
});

/** The indexes of a table that is created or comes back from the trash. */
export const planDuplicateIndexesCreated = (ctx: PlanContext, obj: ObjectDef): PlanAction[] =>
  [...duplicateIndexes(obj, ctx.registry)].map(([name, ix]) => create(ctx, obj.name, name, ix));

/** The statements that drop them (before the table moves to the trash, so a restore can create them again). */
export const dropDuplicateIndexesSql = (ctx: PlanContext, obj: ObjectDef): string[] =>
  [...duplicateIndexes(obj, ctx.registry).keys()].map((name) => `DROP INDEX IF EXISTS ${qualified(ctx.schema, name)}`);

/** Rules (or their conditions) added, removed, switched on or off: indexes created and dropped to match. */
export function planDuplicateIndexesChanged(ctx: PlanContext, before: ObjectDef, after: ObjectDef): PlanAction[] {
  const was = duplicateIndexes(before, ctx.registry);
  const now = duplicateIndexes(after, ctx.registry);
  return [
    ...[...was].filter(([name]) => !now.has(name)).map(([name, ix]) => drop(ctx, after.name, name, ix)),
    ...[...now].filter(([name]) => !was.has(name)).map(([name, ix]) => create(ctx, after.name, name, ix)),
  ];
}
