import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Router } from 'express';
import { exportXlsx } from '../../export/export-xlsx';
import { parseListParams } from '../../query/list-params';
import { recordContext } from '../request-context';
import type { Services } from '../services';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** GET /api/v1/records/:object/export.xlsx: the list (filter, sort, view, columns) as an Excel workbook. (export.csv lives with the bulk routes.) */
export function recordsExportRouter(s: Services): Router {
  const r = Router();
  r.get('/:object/export.xlsx', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    const xlsx = await exportXlsx(ctx, req.params.object, parseListParams(req.query));
    res.status(200).set({
      'content-type': XLSX_TYPE,
      'content-disposition': `attachment; filename="${xlsx.fileName}"; filename*=UTF-8''${encodeURIComponent(xlsx.fileName)}`,
      'cache-control': 'no-store',
    });
    try {
      await pipeline(Readable.from(xlsx.chunks), res);
    } catch (err) {
      // Headers are gone: a failure mid-stream can only cut the download short.
      if (!res.destroyed) res.destroy();
      if ((err as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') s.log.error({ err, url: req.originalUrl }, 'XLSX export failed mid-stream');
    }
  });
  return r;
}
