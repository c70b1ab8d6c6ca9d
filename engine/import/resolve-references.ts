import { runSql } from '../db/knex';
import { SYSTEM_SCHEMA } from '../db/system-migrations';
import type { CompiledObject } from '../metadata/compiled-object';
import type { RecordContext } from '../records/context';
import { withAccess } from '../records/record-security';
import { isUuid } from '../records/record-id';
import type { Field } from '../shared/metadata-types';

/** Unit separator: joins a list of texts into one bound parameter (knex would expand an array binding). */
const SEP = '\u001f';
const asList = (texts: string[]) => texts.map((t) => t.replaceAll(SEP, '')).join(SEP);

/** text (lower case) → the ids it names; more than one id means the text is ambiguous. */
export type ReferenceIndex = Map<string, string[]>;

/**
 * One query for all the texts of a lookup column in a batch: records of the
 * target the user may read whose `by` field (name, id or a unique field)
 * equals the text, ignoring case. Owner columns name active users of the
 * organisation by e-mail or id.
 */
export async function resolveReferences(ctx: RecordContext, field: Field, by: string, texts: string[]): Promise<ReferenceIndex> {
  const out: ReferenceIndex = new Map();
  const distinct = [...new Set(texts.map((t) => t.trim().toLowerCase()))].filter((t) => by !== 'id' || isUuid(t));
  if (!distinct.length) return out;
  let rows: { id: string; k: string }[];
  if (field.type === 'user') {
    const col = by === 'id' ? 'id::text' : 'lower(email)';
    rows = await runSql(ctx.db, `SELECT id, ${col} AS k FROM ${SYSTEM_SCHEMA}.users WHERE tenant_id = ? AND active AND ${col} = ANY(string_to_array(?, chr(31)))`, [ctx.actor.tenantId, asList(distinct)]);
  } else {
    const target: CompiledObject = ctx.meta.object(field.options.target as string);
    const k = `lower((${target.valueSql(by)})::text)`;
    const w = withAccess(ctx, target, 'read', `${k} = ANY(string_to_array(?, chr(31)))`, [asList(distinct)]);
    rows = await runSql(ctx.db, `SELECT id, ${k} AS k FROM ${target.table} WHERE ${w.where} LIMIT ${distinct.length * 2 + 10}`, w.params);
  }
  for (const r of rows) out.set(r.k, [...(out.get(r.k) ?? []), r.id]);
  return out;
}

/** Existing records of the object by key value (as text, exact): id and version for the update. */
export async function findByKey(ctx: RecordContext, obj: CompiledObject, key: string, values: string[]): Promise<Map<string, { id: string; version: number }[]>> {
  const out = new Map<string, { id: string; version: number }[]>();
  const distinct = [...new Set(values)].filter((v) => key !== 'id' || isUuid(v));
  if (!distinct.length) return out;
  const k = `(${obj.valueSql(key)})::text`;
  const w = withAccess(ctx, obj, 'read', `${k} = ANY(string_to_array(?, chr(31)))`, [asList(distinct)]);
  const rows = await runSql<{ id: string; version: number; k: string }>(ctx.db, `SELECT id, version, ${k} AS k FROM ${obj.table} WHERE ${w.where}`, w.params);
  for (const r of rows) out.set(r.k, [...(out.get(r.k) ?? []), { id: r.id, version: r.version }]);
  return out;
}
