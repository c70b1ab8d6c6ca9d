import { Router } from 'express';
import { globalSearch } from '../../records/global-search';
import { recordContext } from '../request-context';
import type { Services } from '../services';

/** GET /api/v1/search?q=&limit=: quick search across the objects the user may read. */
export function searchRouter(s: Services): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    res.json({ results: await globalSearch(await recordContext(s, req, res), req.query.q, req.query.limit) });
  });
  return r;
}
