import { quoteIdent } from '../db/knex';
import { isRollup, rollupOptions } from '../field-types/rollup/rollup-options';
import { canonicalJson } from '../shared/canonical-json';
import type { Field, ObjectDef } from '../shared/metadata-types';
import { qualified } from './column-ddl';
import type { PlanContext } from './plan-object';
import type { PlanAction } from './plan-types';
import { isDeltaRollup } from './rollup-parts';
import { recomputeRollupSql } from './rollup-recompute-sql';
import { dropRollupSql, rollupFunctionSql, rollupTriggersSql } from './rollup-trigger-sql';
import { rollupIndexName } from './rollup-names';

const summary = (obj: string, f: Field) => {
  const o = rollupOptions(f);
  return `${obj}.${f.name} (${o.function}${o.field ? ` of ${o.field}` : ''} over ${o.relation}${o.filter !== undefined ? ', filtered' : ''})`;
};

/**
 * min/max/avg are recomputed per touched parent; an index on the child's
 * (lookup, field) keeps that a short index scan however many children a
 * parent has (count/sum move by deltas and need none).
 */
function childIndexSql(ctx: PlanContext, obj: string, f: Field): string[] {
  const o = rollupOptions(f);
  if (isDeltaRollup(o.function) || !o.field) return [];
  return [`CREATE INDEX ${quoteIdent(rollupIndexName(obj, f.name))} ON ${qualified(ctx.schema, o.resolved.childObject)} (${quoteIdent(o.resolved.lookupField)}, ${quoteIdent(o.field)})`];
}

/** Function, triggers, the child index for min/max/avg, the 0 default for count/sum, then the value for every existing parent. */
function createRollup(ctx: PlanContext, obj: string, f: Field, verb: string): PlanAction {
  const defaultZero = isDeltaRollup(rollupOptions(f).function) ? [`ALTER TABLE ${qualified(ctx.schema, obj)} ALTER COLUMN ${quoteIdent(f.name)} SET DEFAULT 0`] : [];
  return {
    kind: 'createRollup',
    object: obj,
    field: f.name,
    description: `${verb} roll-up ${summary(obj, f)}: triggers on ${rollupOptions(f).resolved.childObject}, then compute it for existing records`,
    destructive: false,
    sql: [rollupFunctionSql(ctx.schema, obj, f), ...rollupTriggersSql(ctx.schema, obj, f), ...childIndexSql(ctx, obj, f), ...defaultZero, recomputeRollupSql(ctx.schema, obj, f)],
  };
}

function dropRollup(ctx: PlanContext, obj: string, f: Field, why: string): PlanAction {
  return {
    kind: 'dropRollup',
    object: obj,
    field: f.name,
    description: `stop maintaining roll-up ${summary(obj, f)} (${why}): drop its triggers on ${rollupOptions(f).resolved.childObject}`,
    destructive: false,
    sql: [...(childIndexSql(ctx, obj, f).length ? [`DROP INDEX IF EXISTS ${qualified(ctx.schema, rollupIndexName(obj, f.name))}`] : []), ...dropRollupSql(ctx.schema, obj, f)],
  };
}

/** Every roll-up of an object whose table is created or comes back from the trash. */
export const planRollupsCreated = (ctx: PlanContext, obj: ObjectDef): PlanAction[] => obj.fields.filter(isRollup).map((f) => createRollup(ctx, obj.name, f, 'maintain'));

/** Every roll-up of an object moved to the trash. */
export const planRollupsDropped = (ctx: PlanContext, obj: ObjectDef): PlanAction[] => obj.fields.filter(isRollup).map((f) => dropRollup(ctx, obj.name, f, 'object removed'));

const sameRollup = (a: Field, b: Field) => canonicalJson(a.options) === canonicalJson(b.options);

/**
 * Roll-ups added, removed or redefined. `resolved` is part of the options, so
 * a change on the child (say, the summed field's scale) redefines it too. A
 * redefinition drops the old triggers before any column moves and builds the
 * new ones (and recomputes) after.
 */
export function planRollupsChanged(ctx: PlanContext, before: ObjectDef, after: ObjectDef): PlanAction[] {
  const oldFields = new Map(before.fields.filter(isRollup).map((f) => [f.name, f]));
  const newFields = new Map(after.fields.filter(isRollup).map((f) => [f.name, f]));
  const actions: PlanAction[] = [];
  for (const [name, f] of oldFields) {
    const next = newFields.get(name);
    if (!next) actions.push(dropRollup(ctx, before.name, f, 'field removed'));
    else if (!sameRollup(f, next)) actions.push(dropRollup(ctx, before.name, f, 'redefined'));
  }
  for (const [name, f] of newFields) {
    const old = oldFields.get(name);
    if (!old) actions.push(createRollup(ctx, after.name, f, 'maintain'));
    else if (!sameRollup(old, f)) actions.push(createRollup(ctx, after.name, f, 'rebuild'));
  }
  return actions;
}
