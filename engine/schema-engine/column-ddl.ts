import { quoteIdent } from '../db/knex';
import type { FieldTypeRegistry } from '../field-types/registry';
import type { Field, ObjectDef } from '../shared/metadata-types';
import { foreignKeyName, indexName } from './names';

/** Column types of the system fields; the rest come from the field types. */
const SYSTEM_COLUMNS: Record<string, string> = {
  id: 'uuid PRIMARY KEY DEFAULT gen_random_uuid()',
  owner_id: 'uuid',
  created_at: 'timestamptz(3) NOT NULL DEFAULT now()',
  created_by: 'uuid',
  updated_at: 'timestamptz(3) NOT NULL DEFAULT now()',
  updated_by: 'uuid',
  version: 'integer NOT NULL DEFAULT 1',
};

export const qualified = (schema: string, table: string) => `${quoteIdent(schema)}.${quoteIdent(table)}`;

/** Hidden columns of every object table: the principals its record shares name (kept by a trigger on _record_shares). */
export const SHARE_COLUMNS = ['_shared_read', '_shared_edit'] as const;
/** Their definitions, for CREATE TABLE and for tables made before they existed. */
export const SHARE_COLUMNS_SQL = SHARE_COLUMNS.map((c) => `${quoteIdent(c)} uuid[]`);

export function columnSqlType(field: Field, registry: FieldTypeRegistry): string {
  return SYSTEM_COLUMNS[field.name] !== undefined && field.system ? SYSTEM_COLUMNS[field.name]! : registry.describe(field.type).columnType(field);
}

/** Which fields get a single-column index, and whether it is unique. */
function singleIndexes(obj: ObjectDef): { fields: string[]; unique: boolean }[] {
  return obj.fields
    .filter((f) => f.name !== 'id' && (f.unique || f.indexed || f.type === 'lookup'))
    .map((f) => ({ fields: [f.name], unique: f.unique }));
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isVarOf = (x: Json): string | undefined => (x && typeof x === 'object' && !Array.isArray(x) && typeof x.var === 'string' ? x.var : undefined);

/** Fields a filter pins to one value (or a list) in its top-level AND: the leading columns of an index. */
function pinnedFields(filter: Json): string[] {
  if (!filter || typeof filter !== 'object' || Array.isArray(filter)) return [];
  if (Array.isArray(filter.and)) return filter.and.flatMap(pinnedFields);
  const [op] = Object.keys(filter);
  const args = filter[op!];
  if (!Array.isArray(args) || args.length !== 2) return [];
  if ((op === '==' || op === '===') && args.some((a) => a !== null && typeof a !== 'object')) return args.map(isVarOf).filter((v): v is string => !!v);
  if (op === 'in' && Array.isArray(args[1])) return [isVarOf(args[0]!)].filter((v): v is string => !!v);
  return [];
}

/**
 * The composite index that serves a list view: the fields its filter pins,
 * then its sort keys and id (as list queries order), when the view has a
 * sort or pins more than one field. Paths through lookups, formulas and
 * multi-selects are left out.
 */
function listViewIndexes(obj: ObjectDef): { fields: string[]; unique: boolean }[] {
  const indexable = (name: string) => {
    const f = obj.fields.find((x) => x.name === name);
    return !!f && !['multipicklist', 'textarea', 'formula'].includes(f.type);
  };
  return obj.listViews.flatMap((view) => {
    const pinned = [...new Set(pinnedFields(view.filter as Json))].filter(indexable);
    const sort = (view.sort ?? []).filter((s) => indexable(s.replace(/^-/, '')) && !pinned.includes(s.replace(/^-/, '')));
    if (!sort.length && pinned.length < 2) return [];
    const tail = sort.length && !sort.some((s) => s.replace(/^-/, '') === 'id') ? [sort.at(-1)!.startsWith('-') ? '-id' : 'id'] : [];
    return [{ fields: [...pinned, ...sort, ...tail].slice(0, 8), unique: false }];
  });
}

/** Every index an object should have, keyed by its deterministic name. */
export function desiredIndexes(obj: ObjectDef): Map<string, { fields: string[]; unique: boolean }> {
  const all = [...singleIndexes(obj), ...obj.indexes, ...listViewIndexes(obj)];
  return new Map(all.map((ix) => [indexName(obj.name, ix.fields, ix.unique), ix]));
}

export function createIndexSql(schema: string, obj: string, name: string, ix: { fields: string[]; unique: boolean }): string {
  const cols = ix.fields.map((f) => (f.startsWith('-') ? `${quoteIdent(f.slice(1))} DESC` : quoteIdent(f))).join(', ');
  return `CREATE ${ix.unique ? 'UNIQUE ' : ''}INDEX ${quoteIdent(name)} ON ${qualified(schema, obj)} (${cols})`;
}

const ON_DELETE_SQL: Record<string, string> = { restrict: 'RESTRICT', setNull: 'SET NULL', cascade: 'CASCADE' };

export function createForeignKeySql(schema: string, obj: string, field: Field): string {
  const { target, onDelete } = field.options as { target: string; onDelete: string };
  return `ALTER TABLE ${qualified(schema, obj)} ADD CONSTRAINT ${quoteIdent(foreignKeyName(obj, field.name))} FOREIGN KEY (${quoteIdent(field.name)}) REFERENCES ${qualified(schema, target)} (id) ON DELETE ${ON_DELETE_SQL[onDelete]}`;
}

export const dropForeignKeySql = (schema: string, obj: string, field: string) =>
  `ALTER TABLE ${qualified(schema, obj)} DROP CONSTRAINT IF EXISTS ${quoteIdent(foreignKeyName(obj, field))}`;
