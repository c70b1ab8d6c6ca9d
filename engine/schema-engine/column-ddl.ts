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

export function columnSqlType(field: Field, registry: FieldTypeRegistry): string {
  return SYSTEM_COLUMNS[field.name] !== undefined && field.system ? SYSTEM_COLUMNS[field.name]! : registry.describe(field.type).columnType(field);
}

/** Which fields get a single-column index, and whether it is unique. */
export function singleIndexes(obj: ObjectDef): { fields: string[]; unique: boolean }[] {
  return obj.fields
    .filter((f) => f.name !== 'id' && (f.unique || f.indexed || f.type === 'lookup'))
    .map((f) => ({ fields: [f.name], unique: f.unique }));
}

/** Every index an object should have, keyed by its deterministic name. */
export function desiredIndexes(obj: ObjectDef): Map<string, { fields: string[]; unique: boolean }> {
  const all = [...singleIndexes(obj), ...obj.indexes];
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
