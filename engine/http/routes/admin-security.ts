import { Router, type Request, type Response } from 'express';
import { createPermissionSet, deletePermissionSet, listPermissionSets, updatePermissionSet } from '../../security/admin/permission-set-admin';
import type { SecurityAdminContext } from '../../security/admin/security-admin-context';
import { createSharingRule, deleteSharingRule, listSharingRules, updateSharingRule } from '../../security/admin/sharing-rule-admin';
import { createTreeNode, deleteTreeNode, listTreeNodes, updateTreeNode, type TreeKind } from '../../security/admin/tree-admin';
import { readUserAccess, updateUserAccess } from '../../security/admin/user-access-admin';
import { principalOf } from '../request-context';
import type { Services } from '../services';

async function adminContext(s: Services, res: Response): Promise<SecurityAdminContext> {
  const p = principalOf(res);
  return { db: s.db, security: s.security, meta: await s.cache.get(p.schema), registry: s.registry, schema: p.schema, tenantId: p.tenantId, userId: p.userId };
}

/** /departments and /roles: the same tree administration. */
function treeRoutes(r: Router, s: Services, path: string, kind: TreeKind): void {
  r.get(path, async (_req, res) => {
    res.json({ [`${kind}s`]: await listTreeNodes(await adminContext(s, res), kind) });
  });
  r.post(path, async (req, res) => {
    res.status(201).json(await createTreeNode(await adminContext(s, res), kind, req.body));
  });
  r.patch(`${path}/:id`, async (req: Request<{ id: string }>, res) => {
    res.json(await updateTreeNode(await adminContext(s, res), kind, req.params.id, req.body));
  });
  r.delete(`${path}/:id`, async (req: Request<{ id: string }>, res) => {
    await deleteTreeNode(await adminContext(s, res), kind, req.params.id);
    res.status(204).end();
  });
}

/** The security model's administration, mounted under /api/v1/admin (admins only). */
export function adminSecurityRouter(s: Services): Router {
  const r = Router();
  treeRoutes(r, s, '/departments', 'department');
  treeRoutes(r, s, '/roles', 'role');
  r.get('/permission-sets', async (_req, res) => {
    res.json({ permissionSets: await listPermissionSets(await adminContext(s, res)) });
  });
  r.post('/permission-sets', async (req, res) => {
    res.status(201).json(await createPermissionSet(await adminContext(s, res), req.body));
  });
  r.patch('/permission-sets/:name', async (req, res) => {
    res.json(await updatePermissionSet(await adminContext(s, res), req.params.name, req.body));
  });
  r.delete('/permission-sets/:name', async (req, res) => {
    await deletePermissionSet(await adminContext(s, res), req.params.name);
    res.status(204).end();
  });
  r.get('/sharing-rules', async (req, res) => {
    res.json({ sharingRules: await listSharingRules(await adminContext(s, res), typeof req.query.object === 'string' ? req.query.object : undefined) });
  });
  r.post('/sharing-rules', async (req, res) => {
    res.status(201).json(await createSharingRule(await adminContext(s, res), req.body));
  });
  r.patch('/sharing-rules/:id', async (req, res) => {
    res.json(await updateSharingRule(await adminContext(s, res), req.params.id, req.body));
  });
  r.delete('/sharing-rules/:id', async (req, res) => {
    await deleteSharingRule(await adminContext(s, res), req.params.id);
    res.status(204).end();
  });
  r.get('/users/:id', async (req, res) => {
    res.json(await readUserAccess(await adminContext(s, res), req.params.id));
  });
  r.patch('/users/:id', async (req, res) => {
    const user = await updateUserAccess(await adminContext(s, res), req.params.id, req.body);
    s.principals.evict({ userId: user.id });
    res.json(user);
  });
  return r;
}
