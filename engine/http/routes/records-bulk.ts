import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router } from 'express';
import { parseListParams } from '../../query/list-params';
import { aggregateRecords } from '../../records/aggregate';
import { bulkDeleteRecords } from '../../records/bulk-delete';
import { bulkUpdateRecords } from '../../records/bulk-update';
import { exportCsv } from '../../records/export-csv';
import { recordContext, writeOptions } from '../request-context';
import type { Services } from '../services';

/**
 * /api/v1/records/:object/{bulk-update, bulk-delete, export.csv, aggregate}:
 * operations over many records at once. Mounted before the records router,
 * whose /:object/:id would otherwise take these paths.
 */
export function recordsBulkRouter(s: Services): Router {
  const r = Router();
  r.post('/:object/bulk-update', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    res.json(await bulkUpdateRecords(ctx, req.params.object, req.body, writeOptions(req)));
  });
  r.post('/:object/bulk-delete', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    res.json(await bulkDeleteRecords(ctx, req.params.object, req.body));
  });
  r.get('/:object/aggregate', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    res.json(await aggregateRecords(ctx, req.params.object, req.query));
  });
  r.get('/:object/export.csv', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    const csv = await exportCsv(ctx, req.params.object, parseListParams(req.query));
    res.status(200).set({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${csv.fileName}"; filename*=UTF-8''${encodeURIComponent(csv.fileName)}`,
      'cache-control': 'no-store',
    });
    try {
      await pipeline(Readable.from(csv.chunks), res);
    } catch (err) {
      // Headers are gone: a failure mid-stream can only cut the download short (the client sees an incomplete file).
      if (!res.destroyed) res.destroy();
      if ((err as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') s.log.error({ err, url: req.originalUrl }, 'CSV export failed mid-stream');
    }
  });
  return r;
}
