import { Router } from 'express';
import { AppError } from '../../core/errors';
import { createApiToken, listApiTokens, revokeApiToken } from '../../security/api-tokens';
import { createUser, listUsers, MIN_PASSWORD_LENGTH } from '../../tenants/users';
import { requireAdmin } from '../middleware/auth';
import { principalOf } from '../request-context';
import type { Services } from '../services';
import { adminSecurityRouter } from './admin-security';
import { isUuid } from '../../records/record-id';

function body(req: { body: unknown }): Record<string, unknown> {
  if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) throw new AppError('REQUEST_INVALID', 'the body must be a JSON object');
  return req.body as Record<string, unknown>;
}

function requireString(b: Record<string, unknown>, key: string, max: number): string {
  const v = b[key];
  if (typeof v !== 'string' || !v.trim() || v.length > max) throw new AppError('REQUEST_INVALID', `"${key}" must be a non-empty string of at most ${max} characters`, { issues: [{ path: `/${key}`, code: 'FIELD_INVALID', message: 'is required' }] });
  return v;
}

/** /api/v1/admin: users, API tokens and the security model (admins only). */
export function adminRouter(s: Services): Router {
  const r = Router();
  r.use(requireAdmin);
  r.get('/users', async (_req, res) => {
    res.json({ users: await listUsers(s.db, principalOf(res).tenantId) });
  });
  r.post('/users', async (req, res) => {
    const b = body(req);
    const email = requireString(b, 'email', 254);
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new AppError('REQUEST_INVALID', 'email is not an email address', { issues: [{ path: '/email', code: 'FIELD_FORMAT', message: 'is not an email address' }] });
    const password = requireString(b, 'password', 1024);
    if (password.length < MIN_PASSWORD_LENGTH) throw new AppError('REQUEST_INVALID', `passwords have at least ${MIN_PASSWORD_LENGTH} characters`, { issues: [{ path: '/password', code: 'FIELD_TOO_SHORT', message: `at least ${MIN_PASSWORD_LENGTH} characters` }] });
    const user = await createUser(s.db, principalOf(res).tenantId, {
      email,
      password,
      displayName: typeof b.displayName === 'string' ? b.displayName : undefined,
      isAdmin: b.isAdmin === true,
      locale: b.locale === 'zh-CN' ? 'zh-CN' : 'en',
    });
    s.security.invalidate(principalOf(res).schema);
    res.status(201).json(user);
  });
  r.use(adminSecurityRouter(s));
  r.get('/tokens', async (_req, res) => {
    res.json({ tokens: await listApiTokens(s.db, principalOf(res).tenantId) });
  });
  r.post('/tokens', async (req, res) => {
    const b = body(req);
    const p = principalOf(res);
    const userId = b.userId === undefined ? p.userId : String(b.userId);
    if (!isUuid(userId)) throw new AppError('USER_NOT_FOUND', 'no such user in this organisation');
    res.status(201).json(await createApiToken(s.db, p.tenantId, p.userId, { name: requireString(b, 'name', 200), userId }));
  });
  r.delete('/tokens/:id', async (req, res) => {
    if (!isUuid(req.params.id)) throw new AppError('TOKEN_NOT_FOUND', 'no such token');
    await revokeApiToken(s.db, principalOf(res).tenantId, req.params.id);
    s.principals.evict({ tokenId: req.params.id });
    res.status(204).end();
  });
  return r;
}
