import { quoteIdent, type Executor } from '../db/knex';
import type { RawSnapshot } from '../shared/metadata-types';
import type { PlanAction } from '../schema-engine/plan-types';
import type { TrashEntry } from '../schema-engine/plan-types';

/** A published metadata version as listed to admins. */
export interface VersionInfo {
  version: number;
  createdAt: string;
  authorId: string | null;
  summary: string;
}

const t = (schema: string, table: string) => `${quoteIdent(schema)}.${quoteIdent(table)}`;

export async function loadLatestVersion(db: Executor, schema: string): Promise<{ version: number; raw: RawSnapshot }> {
  const { rows } = await db.raw(`SELECT version, snapshot FROM ${t(schema, '_meta_versions')} ORDER BY version DESC LIMIT 1`);
  return { version: rows[0].version, raw: rows[0].snapshot };
}

export async function loadVersion(db: Executor, schema: string, version: number): Promise<RawSnapshot | undefined> {
  const { rows } = await db.raw(`SELECT snapshot FROM ${t(schema, '_meta_versions')} WHERE version = ?`, [version]);
  return rows[0]?.snapshot;
}

export async function listVersions(db: Executor, schema: string): Promise<VersionInfo[]> {
  const { rows } = await db.raw(`SELECT version, created_at, author_id, summary FROM ${t(schema, '_meta_versions')} ORDER BY version DESC LIMIT 1000`);
  return rows.map((r: { version: number; created_at: Date; author_id: string | null; summary: string }) => ({
    version: r.version,
    createdAt: r.created_at.toISOString(),
    authorId: r.author_id,
    summary: r.summary,
  }));
}

export async function insertVersion(db: Executor, schema: string, v: { version: number; authorId: string | null; summary: string; raw: RawSnapshot; plan: PlanAction[] }): Promise<void> {
  await db.raw(`INSERT INTO ${t(schema, '_meta_versions')} (version, author_id, summary, snapshot, plan) VALUES (?, ?, ?, ?::jsonb, ?::jsonb)`, [
    v.version,
    v.authorId,
    v.summary,
    JSON.stringify(v.raw),
    JSON.stringify(v.plan),
  ]);
}

export async function loadTrash(db: Executor, schema: string): Promise<TrashEntry[]> {
  const { rows } = await db.raw(`SELECT id, kind, object, field, trash_name, column_type, version FROM ${t(schema, '_meta_trash')} WHERE restored_at IS NULL ORDER BY id DESC`);
  return rows.map((r: { id: number; kind: 'object' | 'field'; object: string; field: string | null; trash_name: string; column_type: string | null; version: number }) => ({
    id: r.id,
    kind: r.kind,
    object: r.object,
    field: r.field,
    trashName: r.trash_name,
    columnType: r.column_type,
    version: r.version,
  }));
}

export async function recordTrash(db: Executor, schema: string, e: { kind: string; object: string; field?: string; trashName: string; columnType?: string; version: number }): Promise<void> {
  await db.raw(`INSERT INTO ${t(schema, '_meta_trash')} (kind, object, field, trash_name, column_type, version) VALUES (?, ?, ?, ?, ?, ?)`, [
    e.kind,
    e.object,
    e.field ?? null,
    e.trashName,
    e.columnType ?? null,
    e.version,
  ]);
}

export async function markRestored(db: Executor, schema: string, id: number): Promise<void> {
  await db.raw(`UPDATE ${t(schema, '_meta_trash')} SET restored_at = now() WHERE id = ?`, [id]);
}
