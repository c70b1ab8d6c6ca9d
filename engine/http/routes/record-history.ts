import { Router } from 'express';
import { parseAuditPage } from '../../audit/audit-page';
import { recordHistory } from '../../audit/record-history';
import { recordContext } from '../request-context';
import type { Services } from '../services';

/** GET /api/v1/records/:object/:id/history: a record's audit trail, newest first (?limit=&before=). */
export function recordHistoryRouter(s: Services): Router {
  const r = Router();
  r.get('/:object/:id/history', async (req, res) => {
    const page = parseAuditPage(req.query);
    const ctx = await recordContext(s, req, res);
    res.json(await recordHistory(ctx, req.params.object, req.params.id, page));
  });
  return r;
}
