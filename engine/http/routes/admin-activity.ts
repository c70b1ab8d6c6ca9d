import { Router, type Response } from 'express';
import { parseAuditPage } from '../../audit/audit-page';
import { publishHistory } from '../../audit/publish-history';
import { userActivity, type AuditContext } from '../../audit/user-activity';
import { requireAdmin } from '../middleware/auth';
import { principalOf } from '../request-context';
import type { Services } from '../services';

function auditContext(s: Services, res: Response): AuditContext {
  const p = principalOf(res);
  return { db: s.db, schema: p.schema, tenantId: p.tenantId };
}

/** /api/v1/admin/audit (admins only, read-only): a user's changes across objects, and metadata publishes with their plans. */
export function adminActivityRouter(s: Services): Router {
  const r = Router();
  r.use(requireAdmin);
  r.get('/users/:id/activity', async (req, res) => {
    res.json(await userActivity(auditContext(s, res), req.params.id, parseAuditPage(req.query)));
  });
  r.get('/publishes', async (req, res) => {
    res.json(await publishHistory(auditContext(s, res), parseAuditPage(req.query)));
  });
  return r;
}
