import { Router } from 'express';
import { deletePref, readPref, writePref } from '../../me/user-prefs';
import { listRecentRecords, noteRecentRecord } from '../../me/recent-records';
import { AppError } from '../../core/errors';
import { recordContext } from '../request-context';
import type { Services } from '../services';

/** /api/v1/me: the signed-in user's own preferences and recently viewed records. */
export function meRouter(s: Services): Router {
  const r = Router();
  r.get('/prefs/:key', async (req, res) => {
    res.json({ key: req.params.key, value: await readPref(await recordContext(s, req, res), req.params.key) });
  });
  r.put('/prefs/:key', async (req, res) => {
    await writePref(await recordContext(s, req, res), req.params.key, req.body);
    res.status(204).end();
  });
  r.delete('/prefs/:key', async (req, res) => {
    await deletePref(await recordContext(s, req, res), req.params.key);
    res.status(204).end();
  });
  r.get('/recent', async (req, res) => {
    res.json({ records: await listRecentRecords(await recordContext(s, req, res)) });
  });
  r.post('/recent', async (req, res) => {
    const b = (req.body ?? {}) as { object?: unknown; id?: unknown };
    if (typeof b.object !== 'string' || typeof b.id !== 'string') throw new AppError('REQUEST_INVALID', 'send {"object", "id"}', { issues: [{ path: '/', code: 'FIELD_REQUIRED', message: 'object and id are required' }] });
    await noteRecentRecord(await recordContext(s, req, res), b.object, b.id);
    res.status(204).end();
  });
  return r;
}
