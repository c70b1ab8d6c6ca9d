import { Router } from 'express';
import { addManualShare, addTeamMember, listRecordShares, removeRecordShare } from '../../records/record-sharing';
import { transferOwners } from '../../records/transfer-owner';
import { recordContext } from '../request-context';
import type { Services } from '../services';

/** /api/v1/records/:object/transfer and /:object/:id/team|share: ownership and record sharing. */
export function recordSharingRouter(s: Services): Router {
  const r = Router();
  r.post('/:object/transfer', async (req, res) => {
    res.json(await transferOwners(await recordContext(s, req, res), req.params.object, req.body));
  });
  for (const [path, reason] of [['team', 'team'], ['share', 'manual']] as const) {
    r.get(`/:object/:id/${path}`, async (req, res) => {
      res.json({ [path === 'team' ? 'members' : 'shares']: await listRecordShares(await recordContext(s, req, res), req.params.object, req.params.id, reason) });
    });
    r.post(`/:object/:id/${path}`, async (req, res) => {
      const ctx = await recordContext(s, req, res);
      const share = reason === 'team' ? await addTeamMember(ctx, req.params.object, req.params.id, req.body) : await addManualShare(ctx, req.params.object, req.params.id, req.body);
      res.status(201).json(share);
    });
    r.delete(`/:object/:id/${path}/:principalId`, async (req, res) => {
      await removeRecordShare(await recordContext(s, req, res), req.params.object, req.params.id, reason, req.params.principalId);
      res.status(204).end();
    });
  }
  return r;
}
