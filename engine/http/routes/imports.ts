import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { AppError } from '../../core/errors';
import { parseEncodingChoice } from '../../import/decode-file';
import { readImportJob, readRejectedFile } from '../../import/import-jobs';
import { cancelImport, MAX_IMPORT_BYTES, putImportMapping, startDryRun, startImport, uploadImport } from '../../import/import-operations';
import { recordContext, writeOptions } from '../request-context';
import type { Services } from '../services';

const UPLOAD_TYPES = ['text/csv', 'application/octet-stream', 'text/plain', 'application/vnd.ms-excel'];

/** The upload route takes the raw file, not JSON: app.ts lets it past the JSON-only check. */
export const isImportUpload = (req: Request): boolean => req.method === 'POST' && /^\/records\/[^/]+\/imports\/?$/.test(req.path);

/** Raw body up to the import limit; a larger one is 413 IMPORT_FILE_TOO_LARGE, another media type 415. */
function rawFile(req: Request, res: Response, next: NextFunction): void {
  if (Number(req.get('content-length') ?? 0) > 0 && !req.is(UPLOAD_TYPES)) {
    next(new AppError('REQUEST_UNSUPPORTED_MEDIA_TYPE', 'send the file as text/csv or application/octet-stream'));
    return;
  }
  express.raw({ type: () => true, limit: MAX_IMPORT_BYTES })(req, res, (err?: unknown) => {
    if ((err as { type?: string } | undefined)?.type === 'entity.too.large') next(new AppError('IMPORT_FILE_TOO_LARGE', `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`));
    else next(err);
  });
}

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** /api/v1/records/:object/imports[/:id/…]: CSV import jobs (upload, mapping, dry run, start, progress, rejected rows, cancel). */
export function importsRouter(s: Services): Router {
  const r = Router();
  r.post('/:object/imports', rawFile, async (req, res) => {
    const ctx = await recordContext(s, req, res);
    const result = await uploadImport(ctx, req.params.object as string, req.body, { encoding: parseEncodingChoice(req.query.encoding), mode: text(req.query.mode), key: text(req.query.key), fileName: text(req.query.fileName) ?? text(req.get('x-file-name')) });
    res.status(201).json(result);
  });
  r.get('/:object/imports/:id', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    res.json(await readImportJob(ctx, req.params.object, req.params.id));
  });
  r.put('/:object/imports/:id/mapping', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    res.json(await putImportMapping(ctx, req.params.object, req.params.id, req.body));
  });
  r.post('/:object/imports/:id/dry-run', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    res.status(202).json(await startDryRun(ctx, s.jobs, req.params.object, req.params.id));
  });
  r.post('/:object/imports/:id/start', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    res.status(202).json(await startImport(ctx, s.jobs, req.params.object, req.params.id, writeOptions(req).allowDuplicates ?? false));
  });
  r.post('/:object/imports/:id/cancel', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    res.json(await cancelImport(ctx, req.params.object, req.params.id));
  });
  r.get('/:object/imports/:id/rejected.csv', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    const file = await readRejectedFile(ctx, req.params.object, req.params.id);
    const name = `${req.params.object}-rejected.csv`;
    res.status(200).set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' }).send(file);
  });
  return r;
}
