import { isAppError } from '../core/errors';
import { runSql } from '../db/knex';
import type { Services } from '../http/services';
import { JobInterrupted, type JobInput } from '../jobs/boss';
import type { CompiledObject } from '../metadata/compiled-object';
import type { Connection } from '../records/bulk-create';
import type { RecordContext } from '../records/context';
import type { ImportJob } from '../shared/api/imports';
import { decodeFile } from './decode-file';
import { columnPlans, importBatch, type BatchResult, type ColumnPlan, type RowReject } from './import-batch';
import { ERROR_SAMPLE, jobsTable, loadJobForRun, updateImportJob } from './import-jobs';
import { checkMapping, type ImportPlan } from './import-mapping';
import { IMPORT_QUEUE, type ImportJobData } from './import-operations';
import { parseCsv, type CsvRow } from './parse-csv';
import { rejectedHeader, rejectedLines } from './rejected-file';
import { jobContext } from './job-context';

/** Rows per batch: one transaction, one COPY, one query per lookup column and per duplicate rule. */
export const IMPORT_BATCH_ROWS = Number(process.env.TESSERA_IMPORT_BATCH ?? 1000);
/** A job runs this long, then queues its continuation and ends, so a crashed worker's job expires (and resumes) quickly. */
const SLICE_MS = 60_000;

interface Run {
  s: Services;
  input: JobInput<ImportJobData>;
  ctx: RecordContext;
  obj: CompiledObject;
  job: ImportJob;
  plan: ImportPlan;
  header: string[];
  columns: ColumnPlan[];
  rows: CsvRow[];
}

const sample = (rejects: RowReject[]) => rejects.slice(0, ERROR_SAMPLE).map((r) => ({ line: r.line, error: r.error }));

/** One batch in its own transaction; the work is committed (import) or rolled back (dry run). */
async function inTransaction(r: Run, batch: CsvRow[], keep: boolean, before?: (trx: RecordContext['db']) => Promise<boolean>, after?: (trx: RecordContext['db'], res: BatchResult) => Promise<void>): Promise<BatchResult | undefined> {
  const trx = await r.s.db.transaction();
  try {
    if (before && !(await before(trx))) {
      await trx.rollback();
      return undefined;
    }
    const conn = (await trx.client.acquireConnection()) as Connection;
    const res = await importBatch({ ...r.ctx, db: trx }, conn, r.obj, r.plan, r.header.length, r.columns, batch, { allowDuplicates: r.job.allowDuplicates });
    if (after) await after(trx, res);
    if (keep) await trx.commit();
    else await trx.rollback();
    return res;
  } catch (e) {
    if (!trx.isCompleted()) await trx.rollback();
    throw e;
  }
}

/**
 * The import: from the last committed batch to the end. Each batch's
 * transaction locks the job row, checks it is still running (cancel) and
 * that no other worker went further, writes the rows and advances the
 * counters, so a restart resumes exactly after the last committed batch.
 */
async function importRows(r: Run, startedAt: number): Promise<void> {
  const t = jobsTable(r.ctx.meta.schema);
  let processed = r.job.processed;
  while (processed < r.rows.length) {
    if (r.input.stopping()) throw new JobInterrupted();
    if (Date.now() - startedAt > SLICE_MS) {
      await r.s.jobs.send<ImportJobData>(IMPORT_QUEUE, r.input.data);
      return;
    }
    const from = processed;
    const batch = r.rows.slice(from, from + IMPORT_BATCH_ROWS);
    let stop = false;
    const res = await inTransaction(
      r,
      batch,
      true,
      async (trx) => {
        const [cur] = await runSql<{ status: string; processed: number }>(trx, `SELECT status, processed FROM ${t} WHERE id = ? FOR UPDATE`, [r.job.id]);
        if (cur?.status !== 'running') stop = true;
        else if (cur.processed !== from) processed = cur.processed;
        return !stop && cur?.processed === from;
      },
      async (trx, res) => {
        const rejectedFile = res.rejects.length ? [rejectedHeader(r.header), rejectedLines(res.rejects)] : [null, null];
        await runSql(
          trx,
          `UPDATE ${t} SET processed = processed + ?, inserted = inserted + ?, updated = updated + ?, rejected = rejected + ?,
             errors = CASE WHEN jsonb_array_length(errors) < ? THEN errors || ?::jsonb ELSE errors END,
             rejected_file = CASE WHEN ?::bytea IS NULL THEN rejected_file ELSE coalesce(rejected_file, ?::bytea) || ?::bytea END, updated_at = now()
           WHERE id = ?`,
          [batch.length, res.inserted, res.updated, res.rejects.length, ERROR_SAMPLE, JSON.stringify(sample(res.rejects)), rejectedFile[1], rejectedFile[0], rejectedFile[1], r.job.id],
        );
      },
    );
    if (stop) return;
    if (res) processed = from + batch.length;
  }
  await runSql(r.s.db, `UPDATE ${t} SET status = 'done', finished_at = now(), updated_at = now() WHERE id = ? AND status = 'running'`, [r.job.id]);
}

/** The dry run: every batch through the same pipeline, rolled back; progress and the result stored on the job. */
async function dryRun(r: Run): Promise<void> {
  const total = { inserted: 0, updated: 0, rejected: 0, errors: [] as { line: number; error: string }[] };
  const t = jobsTable(r.ctx.meta.schema);
  for (let from = 0; from < r.rows.length; from += IMPORT_BATCH_ROWS) {
    if (r.input.stopping()) throw new JobInterrupted();
    const [cur] = await runSql<{ status: string }>(r.s.db, `SELECT status FROM ${t} WHERE id = ?`, [r.job.id]);
    if (cur?.status !== 'validating') return;
    const res = (await inTransaction(r, r.rows.slice(from, from + IMPORT_BATCH_ROWS), false))!;
    total.inserted += res.inserted;
    total.updated += res.updated;
    total.rejected += res.rejects.length;
    total.errors.push(...sample(res.rejects).slice(0, ERROR_SAMPLE - total.errors.length));
    await updateImportJob(r.s.db, r.ctx.meta.schema, r.job.id, { processed: Math.min(from + IMPORT_BATCH_ROWS, r.rows.length) });
  }
  const result = { total: r.rows.length, ...total };
  await runSql(r.s.db, `UPDATE ${t} SET status = 'ready', dry_run = ?::jsonb, updated_at = now() WHERE id = ? AND status = 'validating'`, [JSON.stringify(result), r.job.id]);
}

/**
 * The worker of the import queue. Reads the job and its file, rebuilds the
 * starting user's context, checks the mapping against today's metadata and
 * runs the dry run or the import. A job whose status moved on (cancelled,
 * already done) ends quietly; an error that is not a shutdown marks it failed.
 */
export async function runImportJob(s: Services, input: JobInput<ImportJobData>): Promise<void> {
  const { schema, importId, kind } = input.data;
  const startedAt = Date.now();
  let job: (ImportJob & { file: Buffer }) | undefined;
  try {
    job = await loadJobForRun(s.db, schema, importId);
  } catch (e) {
    if ((e as { code?: string }).code === '42P01' || (e as { code?: string }).code === '3F000') return; // the tenant is gone
    throw e;
  }
  if (!job || job.status !== (kind === 'dry-run' ? 'validating' : 'running')) return;
  try {
    const ctx = await jobContext(s, schema, job.createdBy);
    const obj = ctx.meta.object(job.object);
    const { header, rows } = parseCsv(decodeFile(job.file, job.encoding).text);
    const plan = checkMapping(ctx, obj, header, job.mapping, job.mode, job.key ?? undefined);
    const run: Run = { s, input, ctx, obj, job, plan, header, columns: columnPlans(obj, header, plan), rows };
    if (kind === 'dry-run') await dryRun(run);
    else await importRows(run, startedAt);
  } catch (e) {
    if (e instanceof JobInterrupted) throw e;
    const message = isAppError(e) ? `${e.code}: ${e.message}` : 'the import stopped on an internal error';
    await updateImportJob(s.db, schema, importId, { status: 'failed', message, finished_at: new Date() });
    if (!isAppError(e)) throw e;
  }
}
