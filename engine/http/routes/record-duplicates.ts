import { Router } from 'express';
import { AppError } from '../../core/errors';
import { findDuplicates } from '../../duplicates/find-duplicates';
import { mergeRecords } from '../../duplicates/merge-records';
import { requireRecordId } from '../../records/record-id';
import { requireObjectPermission } from '../../security/record-access';
import { recordContext } from '../request-context';
import type { Services } from '../services';

/**
 * /api/v1/records/:object/duplicates (POST field values → {matches}: what the
 * active duplicate rules say, `?excludeId=` leaving out the record being
 * edited) and /api/v1/records/:object/merge (POST {survivor, merged, values?, version?}).
 */
export function recordDuplicatesRouter(s: Services): Router {
  const r = Router();
  r.post('/:object/duplicates', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    ctx.meta.object(req.params.object);
    requireObjectPermission(ctx.access, req.params.object, 'read');
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError('REQUEST_INVALID', 'send the field values as a JSON object');
    const excludeId = typeof req.query.excludeId === 'string' ? requireRecordId(req.query.excludeId) : undefined;
    res.json({ matches: await findDuplicates(ctx, req.params.object, body as Record<string, unknown>, excludeId ? { excludeId } : {}) });
  });
  r.post('/:object/merge', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    const result = await mergeRecords(ctx, req.params.object, req.body);
    res.set('ETag', `"${result.record.version}"`).json(result);
  });
  return r;
}
