import { Router } from 'express';
import { assignOnDemand } from '../../assignment/assign-on-demand';
import { recordContext } from '../request-context';
import type { Services } from '../services';

/** /api/v1/records/:object/assign: re-runs the object's assignment rules on existing records. Mounted before the records router. */
export function recordAssignmentRouter(s: Services): Router {
  const r = Router();
  r.post('/:object/assign', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    res.json(await assignOnDemand(ctx, req.params.object, req.body));
  });
  return r;
}
