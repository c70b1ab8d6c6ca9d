import { Router } from 'express';
import { previewConversion } from '../../conversion/conversion-preview';
import { convertRecord } from '../../conversion/convert-record';
import { recordContext, writeOptions } from '../request-context';
import type { Services } from '../services';

/** /api/v1/records/:object/:id/convert: the preview (GET; `?summary=true`: only whether it was converted) and the conversion itself (POST). */
export function recordConversionRouter(s: Services): Router {
  const r = Router();
  r.get('/:object/:id/convert', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    res.json(await previewConversion(ctx, req.params.object, req.params.id, { summary: req.query.summary === 'true' }));
  });
  r.post('/:object/:id/convert', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    res.json(await convertRecord(ctx, req.params.object, req.params.id, req.body, writeOptions(req)));
  });
  return r;
}
