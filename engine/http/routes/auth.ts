import { Router } from 'express';
import { AppError } from '../../core/errors';
import { logout, login } from '../../security/sessions';
import { tokenHash } from '../../security/tokens';
import { requireAuth, SESSION_COOKIE, tokenFrom } from '../middleware/auth';
import { principalOf } from '../request-context';
import type { Services } from '../services';

function loginInput(body: unknown): { email: string; password: string; tenant?: string } {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const issues = [];
  if (typeof b.email !== 'string' || !b.email || b.email.length > 254) issues.push({ path: '/email', code: 'FIELD_REQUIRED', message: 'email is required' });
  if (typeof b.password !== 'string' || !b.password || b.password.length > 1024) issues.push({ path: '/password', code: 'FIELD_REQUIRED', message: 'password is required' });
  if (b.tenant !== undefined && typeof b.tenant !== 'string') issues.push({ path: '/tenant', code: 'FIELD_TYPE', message: 'tenant must be a string' });
  if (issues.length) throw new AppError('REQUEST_INVALID', 'email and password are required', { issues });
  return { email: b.email as string, password: b.password as string, ...(b.tenant ? { tenant: b.tenant as string } : {}) };
}

/** /api/v1/auth: login (public), logout and me. */
export function authRouter(s: Services): Router {
  const r = Router();
  r.post('/login', async (req, res) => {
    const session = await login(s.db, loginInput(req.body), s.config.sessionTtlHours);
    res.cookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'lax', secure: s.config.secureCookies, expires: session.expiresAt, path: '/' });
    res.json({ token: session.token, expiresAt: session.expiresAt.toISOString() });
  });
  r.post('/logout', requireAuth(s.db, s.principals), async (req, res) => {
    const token = tokenFrom(req);
    if (token && principalOf(res).via === 'session') {
      await logout(s.db, token);
      s.principals.evict({ tokenHash: tokenHash(token) });
    }
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });
  r.get('/me', requireAuth(s.db, s.principals), (_req, res) => {
    const p = principalOf(res);
    res.json({ id: p.userId, email: p.email, displayName: p.displayName, isAdmin: p.isAdmin, locale: p.locale, tenant: p.tenantSlug });
  });
  return r;
}
