import { AppError } from '../core/errors';
import type { JobRunner } from '../jobs/boss';
import type { CompiledObject } from '../metadata/compiled-object';
import type { RecordContext } from '../records/context';
import { IMPORT_MODES, type ImportJob, type ImportMode, type UploadResult } from '../shared/api/imports';
import { decodeFile, type EncodingChoice } from './decode-file';
import { checkMapping, suggestMapping } from './import-mapping';
import { insertImportJob, readImportJob, updateImportJob } from './import-jobs';
import { parseCsv } from './parse-csv';

/** The largest file an import takes (the route's body limit is the same). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** The pg-boss queue import jobs (dry runs and imports) run on. */
export const IMPORT_QUEUE = 'tessera-import';

/** What the worker is asked to do with a job. */
export interface ImportJobData {
  schema: string;
  importId: string;
  kind: 'dry-run' | 'import';
}

/** Importing needs create (insert), edit (update) or both (upsert) on the object; uploading needs either. */
function requireImportPermission(ctx: RecordContext, obj: CompiledObject, mode: ImportMode | 'any'): void {
  if (ctx.access.isAdmin) return;
  const o = ctx.access.object(obj.def.name);
  const ok = mode === 'any' ? o.create || o.edit : (mode === 'update' || o.create) && (mode === 'insert' || o.edit);
  if (!ok) throw new AppError('OBJECT_ACCESS_DENIED', `you may not ${mode === 'any' ? 'import' : mode} records of ${obj.def.name}`, { object: obj.def.name });
}

/**
 * Stores an uploaded CSV file as a new import job: checks size, encoding and
 * that it parses (nothing stored otherwise), then suggests a mapping from the
 * header. The mapping is stored as the job's mapping, so a file whose columns
 * all matched can be started at once.
 */
export async function uploadImport(ctx: RecordContext, objectName: string, body: unknown, q: { encoding: EncodingChoice; mode?: unknown; key?: unknown; fileName?: string }): Promise<UploadResult> {
  const obj = ctx.meta.object(objectName);
  requireImportPermission(ctx, obj, 'any');
  if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('IMPORT_FILE_INVALID', 'the file is empty; send the CSV as the request body (text/csv)', { reason: 'EMPTY' });
  if (body.length > MAX_IMPORT_BYTES) throw new AppError('IMPORT_FILE_TOO_LARGE', `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  const mode = (q.mode ?? 'insert') as ImportMode;
  if (!IMPORT_MODES.includes(mode)) throw new AppError('REQUEST_INVALID', 'mode must be insert, update or upsert');
  const { text, encoding } = decodeFile(body, q.encoding);
  const { header, rows } = parseCsv(text);
  const suggested = suggestMapping(ctx, obj, header);
  const key = typeof q.key === 'string' && q.key ? q.key : null;
  const job = await insertImportJob(ctx.db, ctx.meta.schema, { object: obj.def.name, createdBy: ctx.actor.userId, fileName: q.fileName ?? null, file: body, encoding, mode, key, header, mapping: suggested, total: rows.length });
  return { import: job, encoding, header, preview: rows.slice(0, 5).map((r) => r.values), rows: rows.length, suggestedMapping: suggested };
}

const EDITABLE = new Set(['uploaded', 'ready']);

/** Sets the mapping, mode and key (checked now and again at start); a previous dry run no longer counts. */
export async function putImportMapping(ctx: RecordContext, objectName: string, id: string, body: unknown): Promise<ImportJob> {
  const obj = ctx.meta.object(objectName);
  const b = (typeof body === 'object' && body !== null ? body : {}) as { mapping?: unknown; mode?: unknown; key?: unknown };
  return ctx.db.transaction(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const job = await readImportJob(tctx, objectName, id, true);
    if (!EDITABLE.has(job.status)) throw stateError(job, 'change the mapping of');
    const plan = checkMapping(ctx, obj, job.header, b.mapping, b.mode ?? job.mode, b.key ?? job.key ?? undefined);
    requireImportPermission(ctx, obj, plan.mode);
    await updateImportJob(trx, ctx.meta.schema, id, { mapping: JSON.stringify(plan.mapping), mode: plan.mode, key_field: plan.key ?? null, status: 'uploaded', dry_run: null });
    return readImportJob(tctx, objectName, id);
  });
}

const stateError = (job: ImportJob, verb: string) => new AppError('IMPORT_STATE_INVALID', `cannot ${verb} an import that is ${job.status}`, { status: job.status });

/** Moves the job to validating (dry run) or running (import) and queues the worker; the mapping is checked again first. */
async function queueRun(ctx: RecordContext, jobs: JobRunner, objectName: string, id: string, kind: ImportJobData['kind'], allowDuplicates: boolean): Promise<ImportJob> {
  const obj = ctx.meta.object(objectName);
  const job = await ctx.db.transaction(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const j = await readImportJob(tctx, objectName, id, true);
    if (!EDITABLE.has(j.status)) throw stateError(j, kind === 'dry-run' ? 'dry-run' : 'start');
    const plan = checkMapping(ctx, obj, j.header, j.mapping, j.mode, j.key ?? undefined);
    requireImportPermission(ctx, obj, plan.mode);
    const reset = { processed: 0, inserted: 0, updated: 0, rejected: 0, errors: '[]', message: null };
    await updateImportJob(trx, ctx.meta.schema, id, kind === 'dry-run' ? { ...reset, status: 'validating', dry_run: null } : { ...reset, status: 'running', allow_duplicates: allowDuplicates, rejected_file: null, started_at: new Date() });
    return readImportJob(tctx, objectName, id);
  });
  try {
    await jobs.send<ImportJobData>(IMPORT_QUEUE, { schema: ctx.meta.schema, importId: id, kind });
  } catch (e) {
    await updateImportJob(ctx.db, ctx.meta.schema, id, { status: 'failed', message: 'the job could not be queued', finished_at: new Date() });
    throw e;
  }
  return job;
}

/** `POST …/dry-run`: validates every row as the import would, writing nothing; the result lands in the job's dryRun. */
export const startDryRun = (ctx: RecordContext, jobs: JobRunner, objectName: string, id: string) => queueRun(ctx, jobs, objectName, id, 'dry-run', false);

/** `POST …/start`: the import job; warn-level duplicates are imported only with allowDuplicates. */
export const startImport = (ctx: RecordContext, jobs: JobRunner, objectName: string, id: string, allowDuplicates: boolean) => queueRun(ctx, jobs, objectName, id, 'import', allowDuplicates);

/** `POST …/cancel`: the worker stops before its next batch; batches already committed stay. */
export async function cancelImport(ctx: RecordContext, objectName: string, id: string): Promise<ImportJob> {
  return ctx.db.transaction(async (trx) => {
    const tctx = { ...ctx, db: trx };
    const job = await readImportJob(tctx, objectName, id, true);
    if (['done', 'failed', 'cancelled'].includes(job.status)) throw stateError(job, 'cancel');
    await updateImportJob(trx, ctx.meta.schema, id, { status: 'cancelled', finished_at: new Date() });
    return readImportJob(tctx, objectName, id);
  });
}
