import { AppError, type Issue } from '../core/errors';
import type { CompiledObject } from '../metadata/compiled-object';
import type { RecordContext } from '../records/context';
import { IMPORT_MODES, type ImportMapping, type ImportMode, type MappingTarget } from '../shared/api/imports';
import type { Field } from '../shared/metadata-types';

/** The mapping, mode and key of an import, checked against the object and the user's field access. */
export interface ImportPlan {
  mapping: ImportMapping;
  mode: ImportMode;
  key?: string;
}

/** Lower case without spaces or punctuation, so "Company Name", "company_name" and "公司 名称" compare equal to their field. */
export const matchKey = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Fields a column may target: writable by this user, plus id (only as the key of update/upsert). */
export function importableFields(ctx: RecordContext, obj: CompiledObject): Field[] {
  const o = ctx.access.isAdmin ? undefined : ctx.access.object(obj.def.name);
  const writable = [...obj.writable.values()].filter((f) => f.system || !o || o.field(f) === 'edit');
  return [obj.fields.get('id')!, ...writable];
}

/** What a lookup column's text may name: the target's name, its id or one of its unique fields; the owner by e-mail or id. */
export function lookupKeys(ctx: RecordContext, field: Field): string[] {
  if (field.type === 'user') return ['email', 'id'];
  if (field.type !== 'lookup') return [];
  const target = ctx.meta.object(field.options.target as string);
  return ['name', 'id', ...target.def.fields.filter((f) => f.unique && !f.system).map((f) => f.name)];
}

const defaultLookupBy = (field: Field): string | undefined => (field.type === 'user' ? 'email' : field.type === 'lookup' ? 'name' : undefined);

/** Each column matched to a field by API name or label in either language (ignoring case, spaces and punctuation). */
export function suggestMapping(ctx: RecordContext, obj: CompiledObject, header: string[]): ImportMapping {
  const byKey = new Map<string, Field>();
  for (const f of importableFields(ctx, obj)) {
    for (const k of [f.name, f.label.en, f.label['zh-CN'], f.name.replace(/_id$/, '')]) if (k && !byKey.has(matchKey(k))) byKey.set(matchKey(k), f);
  }
  const out: ImportMapping = {};
  const used = new Set<string>();
  for (const column of header) {
    const f = byKey.get(matchKey(column));
    if (!f || used.has(f.name)) continue;
    used.add(f.name);
    const lookupBy = defaultLookupBy(f);
    out[column] = lookupBy ? { field: f.name, lookupBy } : { field: f.name };
  }
  return out;
}

function readTarget(value: unknown): MappingTarget | null | undefined {
  if (value === null || value === '') return null;
  if (typeof value === 'string') return { field: value };
  if (typeof value === 'object' && !Array.isArray(value) && typeof (value as MappingTarget).field === 'string') {
    const v = value as MappingTarget;
    if (v.lookupBy !== undefined && typeof v.lookupBy !== 'string') return undefined;
    return v.lookupBy ? { field: v.field, lookupBy: v.lookupBy } : { field: v.field };
  }
  return undefined;
}

/**
 * Checks a requested mapping (column → field | {field, lookupBy} | null) with
 * its mode and key: every column exists in the file, every field exists and is
 * writable by this user, no field is the target of two columns, lookups name
 * the target by name, id or a unique field, and update/upsert have a mapped
 * key that identifies one record (id or a unique field). 400 IMPORT_MAPPING_INVALID with all issues.
 */
export function checkMapping(ctx: RecordContext, obj: CompiledObject, header: string[], raw: unknown, mode: unknown, key: unknown): ImportPlan {
  const issues: Issue[] = [];
  if (!IMPORT_MODES.includes(mode as ImportMode)) issues.push({ path: '/mode', code: 'IMPORT_MODE_INVALID', message: 'mode must be insert, update or upsert' });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new AppError('IMPORT_MAPPING_INVALID', 'mapping must be an object of column → field', { issues: [{ path: '/mapping', code: 'IMPORT_MAPPING_INVALID', message: 'expected an object' }] });
  const fields = new Map(importableFields(ctx, obj).map((f) => [f.name, f]));
  const mapping: ImportMapping = {};
  const targets = new Map<string, string>();
  for (const [column, value] of Object.entries(raw)) {
    const path = `/mapping/${column}`;
    const t = readTarget(value);
    if (t === null) continue;
    if (t === undefined) issues.push({ path, code: 'IMPORT_MAPPING_INVALID', message: 'expected a field name or {field, lookupBy}' });
    else if (!header.includes(column)) issues.push({ path, code: 'IMPORT_COLUMN_UNKNOWN', message: `the file has no column "${column}"` });
    else if (!obj.fields.has(t.field)) issues.push({ path, code: 'IMPORT_FIELD_UNKNOWN', message: `${obj.def.name} has no field "${t.field}"` });
    else if (!fields.has(t.field)) issues.push({ path, code: 'IMPORT_FIELD_NOT_WRITABLE', message: `the field "${t.field}" cannot be imported (read-only, computed or not editable for you)` });
    else if (targets.has(t.field)) issues.push({ path, code: 'IMPORT_FIELD_DUPLICATE', message: `the field "${t.field}" is already the target of column "${targets.get(t.field)}"` });
    else {
      const f = fields.get(t.field)!;
      const keys = lookupKeys(ctx, f);
      const lookupBy = t.lookupBy ?? defaultLookupBy(f);
      if (t.lookupBy !== undefined && !keys.includes(t.lookupBy)) issues.push({ path: `${path}/lookupBy`, code: 'IMPORT_LOOKUP_INVALID', message: keys.length ? `lookupBy must be one of ${keys.join(', ')}` : `"${t.field}" is not a lookup` });
      targets.set(t.field, column);
      mapping[column] = lookupBy ? { field: t.field, lookupBy } : { field: t.field };
    }
  }
  const m = mode as ImportMode;
  if (m === 'update' || m === 'upsert') checkKey(obj, targets, key, issues);
  else if (targets.has('id')) issues.push({ path: `/mapping/${targets.get('id')}`, code: 'IMPORT_FIELD_NOT_WRITABLE', message: 'id can only be the key of an update or upsert' });
  if (!issues.length && Object.keys(mapping).length === 0) issues.push({ path: '/mapping', code: 'IMPORT_MAPPING_EMPTY', message: 'map at least one column' });
  if (issues.length) throw new AppError('IMPORT_MAPPING_INVALID', `${issues.length} problem(s) in the mapping`, { issues });
  return { mapping, mode: m, ...(m !== 'insert' ? { key: key as string } : {}) };
}

function checkKey(obj: CompiledObject, targets: Map<string, string>, key: unknown, issues: Issue[]): void {
  const f = typeof key === 'string' ? obj.fields.get(key) : undefined;
  if (!f) issues.push({ path: '/key', code: 'IMPORT_KEY_INVALID', message: 'update and upsert need a key field that exists' });
  else if (f.name !== 'id' && !f.unique) issues.push({ path: '/key', code: 'IMPORT_KEY_INVALID', message: `the key "${f.name}" must be unique (id or a unique field)` });
  else if (!targets.has(f.name)) issues.push({ path: '/key', code: 'IMPORT_KEY_INVALID', message: `map a column to the key "${f.name}"` });
  else if (f.name === 'id' && targets.size === 1) issues.push({ path: '/mapping', code: 'IMPORT_MAPPING_EMPTY', message: 'map at least one column besides the key' });
}
