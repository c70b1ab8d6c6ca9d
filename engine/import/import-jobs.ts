import { AppError } from '../core/errors';
import { quoteIdent, runSql, type Executor } from '../db/knex';
import type { RecordContext } from '../records/context';
import { isUuid } from '../records/record-id';
import type { DryRunResult, ImportEncoding, ImportJob, ImportMapping, ImportMode } from '../shared/api/imports';
import { rejectedHeader } from './rejected-file';

/** How many row errors a job keeps to show (the rejected file has them all). */
export const ERROR_SAMPLE = 200;

const COLUMNS = `id, object, created_by, file_name, encoding, mode, key_field, header, mapping, allow_duplicates, status, total, processed, inserted, updated, rejected, errors, dry_run, message,
  rejected_file IS NOT NULL AS has_rejected_file, created_at, started_at, finished_at`;

/** The row as stored: the job's own fields as the API answers them, the rest in snake_case. */
interface JobRow extends Pick<ImportJob, 'id' | 'object' | 'encoding' | 'mode' | 'header' | 'mapping' | 'status' | 'total' | 'processed' | 'inserted' | 'updated' | 'rejected' | 'errors' | 'message'> {
  created_by: string;
  file_name: string | null;
  key_field: string | null;
  allow_duplicates: boolean;
  dry_run: DryRunResult | null;
  has_rejected_file: boolean;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toJob(r: JobRow): ImportJob {
  return {
    id: r.id,
    object: r.object,
    createdBy: r.created_by,
    fileName: r.file_name,
    encoding: r.encoding,
    mode: r.mode,
    key: r.key_field,
    header: r.header,
    mapping: r.mapping,
    allowDuplicates: r.allow_duplicates,
    status: r.status,
    total: r.total,
    processed: r.processed,
    inserted: r.inserted,
    updated: r.updated,
    rejected: r.rejected,
    errors: r.errors,
    dryRun: r.dry_run,
    message: r.message,
    hasRejectedFile: r.has_rejected_file,
    createdAt: r.created_at.toISOString(),
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
  };
}

export const jobsTable = (schema: string) => `${quoteIdent(schema)}._import_jobs`;

/** A new job holding the file and the suggested mapping. */
export async function insertImportJob(db: Executor, schema: string, v: { object: string; createdBy: string; fileName: string | null; file: Buffer; encoding: ImportEncoding; mode: ImportMode; key: string | null; header: string[]; mapping: ImportMapping; total: number }): Promise<ImportJob> {
  const rows = await runSql<JobRow>(db, `INSERT INTO ${jobsTable(schema)} (object, created_by, file_name, file, encoding, mode, key_field, header, mapping, total) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) RETURNING ${COLUMNS}`, [
    v.object, v.createdBy, v.fileName, v.file, v.encoding, v.mode, v.key, JSON.stringify(v.header), JSON.stringify(v.mapping), v.total,
  ]);
  return toJob(rows[0]!);
}

/** The job by id: only its creator (or an admin) sees it, and only under its own object; anyone else gets 404. */
export async function readImportJob(ctx: RecordContext, objectName: string, id: string, forUpdate = false): Promise<ImportJob> {
  const notFound = new AppError('IMPORT_NOT_FOUND', `no import ${id}`, { id });
  if (!isUuid(id)) throw notFound;
  const rows = await runSql<JobRow>(ctx.db, `SELECT ${COLUMNS} FROM ${jobsTable(ctx.meta.schema)} WHERE id = ? AND object = ?${ctx.access.isAdmin ? '' : ' AND created_by = ?'}${forUpdate ? ' FOR UPDATE' : ''}`, [
    id, objectName, ...(ctx.access.isAdmin ? [] : [ctx.actor.userId]),
  ]);
  if (!rows[0]) throw notFound;
  return toJob(rows[0]);
}

/** The job as the worker sees it, file bytes included (no user check: the job names its creator). */
export async function loadJobForRun(db: Executor, schema: string, id: string): Promise<(ImportJob & { file: Buffer }) | undefined> {
  const rows = await runSql<JobRow & { file: Buffer }>(db, `SELECT ${COLUMNS}, file FROM ${jobsTable(schema)} WHERE id = ?`, [id]);
  return rows[0] && { ...toJob(rows[0]), file: rows[0].file };
}

/** Sets columns of a job (values bound; column names are ours). */
export async function updateImportJob(db: Executor, schema: string, id: string, set: Record<string, unknown>): Promise<void> {
  const cols = Object.keys(set);
  await runSql(db, `UPDATE ${jobsTable(schema)} SET ${cols.map((c) => `${quoteIdent(c)} = ?`).join(', ')}, updated_at = now() WHERE id = ?`, [...cols.map((c) => set[c]), id]);
}

/** The rejected-rows file (UTF-8 with BOM): the header and an "error" column, then every rejected row. */
export async function readRejectedFile(ctx: RecordContext, objectName: string, id: string): Promise<Buffer> {
  const job = await readImportJob(ctx, objectName, id);
  const rows = await runSql<{ rejected_file: Buffer | null }>(ctx.db, `SELECT rejected_file FROM ${jobsTable(ctx.meta.schema)} WHERE id = ?`, [id]);
  return rows[0]?.rejected_file ?? rejectedHeader(job.header);
}
