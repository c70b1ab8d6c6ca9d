import { quoteIdent } from '../db/knex';
import { AppError } from '../core/errors';
import type { FieldTypeRegistry } from '../field-types/registry';
import type { Field, ObjectDef } from '../shared/metadata-types';
import { AUDIT_TRIGGER_NAMES } from './audit-trigger-sql';
import { autonumberSqlExpression } from './autonumber-sql';
import { columnSqlType, SHARE_COLUMNS_SQL, createForeignKeySql, createIndexSql, desiredIndexes, dropForeignKeySql, qualified } from './column-ddl';
import { planAuditChanged, planAuditCreated } from './plan-audit';
import { dropDuplicateIndexesSql, planDuplicateIndexesChanged, planDuplicateIndexesCreated } from './plan-duplicate-indexes';
import { planRollupsChanged, planRollupsCreated, planRollupsDropped } from './plan-rollups';
import type { PlanAction, TrashEntry } from './plan-types';
import { classifyTypeChange } from './type-change';

export interface PlanContext {
  schema: string;
  registry: FieldTypeRegistry;
  version: number;
  trash: TrashEntry[];
  newTrashName: (object: string, field: string | null) => string;
}

const isLookup = (f: Field) => f.type === 'lookup';

function autonumberSteps(ctx: PlanContext, obj: string, field: Field, existingRows: boolean): string[] {
  const counter = `${qualified(ctx.schema, '_autonumber')}`;
  const steps = [`INSERT INTO ${counter} (object, field, value) VALUES ('${obj}', '${field.name}', 0) ON CONFLICT (object, field) DO NOTHING`];
  if (existingRows) {
    // Number the records that have no number yet, in creation order, after the
    // counter's current value, and move the counter past them: a number once
    // handed out (even to a record since deleted) is never handed out again.
    const t = qualified(ctx.schema, obj);
    const col = quoteIdent(field.name);
    const expr = autonumberSqlExpression(String(field.options.format), 'c.value + n.rn');
    const where = `object = '${obj}' AND field = '${field.name}'`;
    // Numbering is part of the publish (kept with its author and plan), not a change anyone made to a record: no audit rows.
    const auditUpdate = quoteIdent(AUDIT_TRIGGER_NAMES[1]!);
    steps.push(
      `ALTER TABLE ${t} DISABLE TRIGGER ${auditUpdate}`,
      `WITH c AS (SELECT value FROM ${counter} WHERE ${where} FOR UPDATE), n AS (SELECT id, row_number() OVER (ORDER BY created_at, id) AS rn FROM ${t} WHERE ${col} IS NULL), u AS (UPDATE ${t} t SET ${col} = ${expr} FROM n, c WHERE t.id = n.id RETURNING 1) UPDATE ${counter} SET value = value + (SELECT count(*) FROM u) WHERE ${where}`,
      `ALTER TABLE ${t} ENABLE TRIGGER ${auditUpdate}`,
    );
  }
  return steps;
}

/** Everything that links and indexes a table that has none yet. */
function keysAndIndexes(ctx: PlanContext, obj: ObjectDef): PlanAction[] {
  const actions: PlanAction[] = [];
  for (const f of obj.fields.filter(isLookup)) {
    actions.push({ kind: 'createForeignKey', object: obj.name, field: f.name, description: `link ${obj.name}.${f.name} to ${f.options.target}`, destructive: false, sql: [createForeignKeySql(ctx.schema, obj.name, f)] });
  }
  for (const [name, ix] of desiredIndexes(obj)) {
    actions.push({ kind: 'createIndex', object: obj.name, description: `index ${obj.name} (${ix.fields.join(', ')})${ix.unique ? ' unique' : ''}`, destructive: false, sql: [createIndexSql(ctx.schema, obj.name, name, ix)] });
  }
  return [...actions, ...planDuplicateIndexesCreated(ctx, obj)];
}

/**
 * An object that comes back (e.g. restoring a version) takes its trashed table
 * back, records included, then changes from its old definition to the new one.
 */
function planRestoreObject(ctx: PlanContext, obj: ObjectDef, trashed: TrashEntry & { definition: ObjectDef }): PlanAction[] {
  const restore: PlanAction = {
    kind: 'restoreTable',
    object: obj.name,
    description: `restore object ${obj.name} with its records from the trash (${trashed.trashName})`,
    destructive: false,
    sql: [`ALTER TABLE ${qualified(ctx.schema, trashed.trashName)} RENAME TO ${quoteIdent(obj.name)}`, `ALTER INDEX ${qualified(ctx.schema, `${trashed.trashName}_pkey`)} RENAME TO ${quoteIdent(`${obj.name}_pkey`)}`],
    trash: { kind: 'object', trashName: trashed.trashName, restoreId: trashed.id },
  };
  // The trashed table kept no keys or indexes: diff the columns only, then link and index afresh; its audit triggers are replaced.
  const columnSteps = planChangeObject(ctx, trashed.definition, obj).filter((a) => !['createIndex', 'dropIndex', 'createForeignKey', 'dropForeignKey', 'createRollup', 'dropRollup', 'auditTrigger'].includes(a.kind));
  return [restore, ...columnSteps, ...keysAndIndexes(ctx, obj), ...planRollupsCreated(ctx, obj), ...planAuditCreated(ctx, obj)];
}

export function planCreateObject(ctx: PlanContext, obj: ObjectDef): PlanAction[] {
  const trashed = ctx.trash.find((t) => t.kind === 'object' && t.object === obj.name && t.definition);
  if (trashed) return planRestoreObject(ctx, obj, trashed as TrashEntry & { definition: ObjectDef });
  const columns = [...obj.fields.map((f) => `${quoteIdent(f.name)} ${columnSqlType(f, ctx.registry)}`), ...SHARE_COLUMNS_SQL];
  const actions: PlanAction[] = [
    {
      kind: 'createTable',
      object: obj.name,
      description: `create table for object ${obj.name} with ${obj.fields.length} columns`,
      destructive: false,
      sql: [`CREATE TABLE ${qualified(ctx.schema, obj.name)} (${columns.join(', ')})`, ...obj.fields.filter((f) => f.type === 'autonumber').flatMap((f) => autonumberSteps(ctx, obj.name, f, false))],
    },
  ];
  return [...actions, ...keysAndIndexes(ctx, obj), ...planRollupsCreated(ctx, obj), ...planAuditCreated(ctx, obj)];
}

export function planDropObject(ctx: PlanContext, obj: ObjectDef): PlanAction[] {
  const trashName = ctx.newTrashName(obj.name, null);
  const t = qualified(ctx.schema, obj.name);
  return [
    ...planRollupsDropped(ctx, obj),
    {
      kind: 'trashTable',
      object: obj.name,
      description: `move object ${obj.name} and its records to the trash (${trashName})`,
      destructive: true,
      sql: [
        ...obj.fields.filter(isLookup).map((f) => dropForeignKeySql(ctx.schema, obj.name, f.name)),
        ...[...desiredIndexes(obj).keys()].map((ix) => `DROP INDEX IF EXISTS ${qualified(ctx.schema, ix)}`),
        ...dropDuplicateIndexesSql(ctx, obj),
        `ALTER INDEX ${qualified(ctx.schema, `${obj.name}_pkey`)} RENAME TO ${quoteIdent(`${trashName}_pkey`)}`,
        `ALTER TABLE ${t} RENAME TO ${quoteIdent(trashName)}`,
      ],
      trash: { kind: 'object', trashName },
    },
  ];
}

function planFieldAdded(ctx: PlanContext, obj: ObjectDef, f: Field): PlanAction[] {
  const sqlType = columnSqlType(f, ctx.registry);
  const trashed = ctx.trash.find((t) => t.kind === 'field' && t.object === obj.name && t.field === f.name && t.columnType === sqlType);
  const t = qualified(ctx.schema, obj.name);
  const actions: PlanAction[] = [];
  if (trashed) {
    actions.push({
      kind: 'restoreColumn',
      object: obj.name,
      field: f.name,
      description: `restore field ${obj.name}.${f.name} with its data from the trash (${trashed.trashName})`,
      destructive: false,
      sql: [`ALTER TABLE ${t} RENAME COLUMN ${quoteIdent(trashed.trashName)} TO ${quoteIdent(f.name)}`],
      trash: { kind: 'field', trashName: trashed.trashName, restoreId: trashed.id },
    });
  } else {
    // A nullable column without a default: a catalog-only change, no table rewrite.
    actions.push({ kind: 'addColumn', object: obj.name, field: f.name, description: `add field ${obj.name}.${f.name} (${f.type})`, destructive: false, sql: [`ALTER TABLE ${t} ADD COLUMN ${quoteIdent(f.name)} ${sqlType}`] });
  }
  if (f.type === 'autonumber') {
    actions.push({ kind: 'backfill', object: obj.name, field: f.name, description: `number existing ${obj.name} records for ${f.name}`, destructive: false, sql: autonumberSteps(ctx, obj.name, f, true) });
  }
  if (isLookup(f)) actions.push({ kind: 'createForeignKey', object: obj.name, field: f.name, description: `link ${obj.name}.${f.name} to ${f.options.target}`, destructive: false, sql: [createForeignKeySql(ctx.schema, obj.name, f)] });
  return actions;
}

function planFieldRemoved(ctx: PlanContext, obj: ObjectDef, f: Field): PlanAction[] {
  const trashName = ctx.newTrashName(obj.name, f.name);
  const sqlType = columnSqlType(f, ctx.registry);
  return [
    {
      kind: 'trashColumn',
      object: obj.name,
      field: f.name,
      description: `move field ${obj.name}.${f.name} and its values to the trash (${trashName})`,
      destructive: true,
      sql: [
        ...(isLookup(f) ? [dropForeignKeySql(ctx.schema, obj.name, f.name)] : []),
        `ALTER TABLE ${qualified(ctx.schema, obj.name)} RENAME COLUMN ${quoteIdent(f.name)} TO ${quoteIdent(trashName)}`,
      ],
      trash: { kind: 'field', trashName, columnType: sqlType },
    },
  ];
}

function planFieldChanged(ctx: PlanContext, obj: ObjectDef, before: Field, after: Field): PlanAction[] {
  const actions: PlanAction[] = [];
  const oldSql = columnSqlType(before, ctx.registry);
  const newSql = columnSqlType(after, ctx.registry);
  const t = qualified(ctx.schema, obj.name);
  if (oldSql !== newSql || before.type !== after.type) {
    const change = classifyTypeChange(t, before, after, oldSql, newSql);
    if (!change.ok) throw new AppError('METADATA_UNSAFE_CHANGE', change.reason, { object: obj.name, field: after.name, from: before.type, to: after.type });
    if (oldSql !== newSql) {
      const using = change.using ? ` USING ${change.using}` : '';
      actions.push({
        kind: 'alterColumn',
        object: obj.name,
        field: after.name,
        description: `change ${obj.name}.${after.name} from ${before.type} (${oldSql}) to ${after.type} (${newSql})`,
        destructive: false,
        sql: [`ALTER TABLE ${t} ALTER COLUMN ${quoteIdent(after.name)} TYPE ${newSql}${using}`],
        checks: change.checks,
      });
    }
  }
  const lookupChanged = isLookup(before) !== isLookup(after) || (isLookup(after) && (before.options.target !== after.options.target || before.options.onDelete !== after.options.onDelete));
  if (lookupChanged && isLookup(before)) actions.push({ kind: 'dropForeignKey', object: obj.name, field: after.name, description: `unlink ${obj.name}.${after.name} from ${before.options.target}`, destructive: false, sql: [dropForeignKeySql(ctx.schema, obj.name, after.name)] });
  if (lookupChanged && isLookup(after)) actions.push({ kind: 'createForeignKey', object: obj.name, field: after.name, description: `link ${obj.name}.${after.name} to ${after.options.target} (on delete ${after.options.onDelete})`, destructive: false, sql: [createForeignKeySql(ctx.schema, obj.name, after)] });
  return actions;
}

/** Diffs one object's fields and indexes. */
export function planChangeObject(ctx: PlanContext, before: ObjectDef, after: ObjectDef): PlanAction[] {
  const actions: PlanAction[] = [];
  const oldFields = new Map(before.fields.map((f) => [f.name, f]));
  const newFields = new Map(after.fields.map((f) => [f.name, f]));
  const oldIdx = desiredIndexes(before);
  const newIdx = desiredIndexes(after);
  for (const [name] of oldIdx) {
    if (!newIdx.has(name)) actions.push({ kind: 'dropIndex', object: after.name, description: `drop index ${name}`, destructive: false, sql: [`DROP INDEX IF EXISTS ${qualified(ctx.schema, name)}`] });
  }
  for (const f of before.fields) if (!newFields.has(f.name)) actions.push(...planFieldRemoved(ctx, before, f));
  for (const f of after.fields) {
    const old = oldFields.get(f.name);
    actions.push(...(old ? planFieldChanged(ctx, after, old, f) : planFieldAdded(ctx, after, f)));
  }
  for (const [name, ix] of newIdx) {
    if (!oldIdx.has(name)) actions.push({ kind: 'createIndex', object: after.name, description: `index ${after.name} (${ix.fields.join(', ')})${ix.unique ? ' unique' : ''}`, destructive: false, sql: [createIndexSql(ctx.schema, after.name, name, ix)] });
  }
  actions.push(...planDuplicateIndexesChanged(ctx, before, after), ...planRollupsChanged(ctx, before, after), ...planAuditChanged(ctx, before, after));
  return actions;
}
