import { Router, type CookieOptions, type Request, type Response } from 'express';
import { AppError, isAppError } from '../../core/errors';
import { changeOwnPassword, type PasswordChange } from '../../security/password-change';
import { logout, login, type LoginInput } from '../../security/sessions';
import { tokenHash } from '../../security/tokens';
import { requireAuth, SESSION_COOKIE, tokenFrom } from '../middleware/auth';
import { CSRF_COOKIE, csrfTokenFor, requireCsrfToken } from '../middleware/csrf';
import { loginRateLimit } from '../middleware/login-rate-limit';
import { principalOf } from '../request-context';
import type { Services } from '../services';

type Body = Record<string, unknown>;
const bodyOf = (body: unknown): Body => (typeof body === 'object' && body !== null ? body : {}) as Body;
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const required = (path: string, what: string) => ({ path, code: 'FIELD_REQUIRED', message: `${what} is required` });

function loginInput(body: unknown): LoginInput {
  const b = bodyOf(body);
  const issues = [];
  if (!isText(b.email, 254)) issues.push(required('/email', 'email'));
  if (!isText(b.password, 1024)) issues.push(required('/password', 'password'));
  if (b.tenant !== undefined && typeof b.tenant !== 'string') issues.push({ path: '/tenant', code: 'FIELD_TYPE', message: 'tenant must be a string' });
  if (issues.length) throw new AppError('REQUEST_INVALID', 'email and password are required', { issues });
  return { email: b.email as string, password: b.password as string, ...(b.tenant ? { tenant: b.tenant as string } : {}) };
}

function passwordChangeInput(body: unknown): PasswordChange {
  const b = bodyOf(body);
  const issues = [];
  if (!isText(b.currentPassword, 1024)) issues.push(required('/currentPassword', 'currentPassword'));
  if (typeof b.newPassword !== 'string' || !b.newPassword) issues.push(required('/newPassword', 'newPassword'));
  if (issues.length) throw new AppError('REQUEST_INVALID', 'currentPassword and newPassword are required', { issues });
  return { currentPassword: b.currentPassword as string, newPassword: b.newPassword as string };
}

const origin = (req: Request) => ({ ...(req.ip ? { ip: req.ip } : {}), ...(req.get('user-agent') ? { userAgent: req.get('user-agent') } : {}) });

/** A lock tells the client when to come back. */
async function withRetryAfter(res: Response, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    const seconds = isAppError(e) ? e.details?.retryAfterSeconds : undefined;
    if (typeof seconds === 'number') res.set('Retry-After', String(seconds));
    throw e;
  }
}

/** /api/v1/auth: login (public), logout, me and the caller's password. */
export function authRouter(s: Services): Router {
  const r = Router();
  const authenticated = [requireAuth(s.db, s.principals, s.log, s.security), requireCsrfToken];
  const lockout = { maxFailures: s.config.loginMaxFailures, minutes: s.config.loginLockoutMinutes };

  r.post('/login', loginRateLimit(s), (req, res) =>
    withRetryAfter(res, async () => {
      const previousToken = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
      const session = await login(s.db, loginInput(req.body), { ...origin(req), ...(previousToken ? { previousToken } : {}), ttlHours: s.config.sessionTtlHours, lockout });
      if (previousToken) s.principals.evict({ tokenHash: tokenHash(previousToken) });
      const csrfToken = csrfTokenFor(session.token);
      const cookie: CookieOptions = { sameSite: 'lax', secure: s.config.secureCookies || req.secure, expires: session.expiresAt, path: '/' };
      res.cookie(SESSION_COOKIE, session.token, { ...cookie, httpOnly: true });
      res.cookie(CSRF_COOKIE, csrfToken, { ...cookie, httpOnly: false });
      res.json({ token: session.token, expiresAt: session.expiresAt.toISOString(), csrfToken });
    }),
  );
  r.post('/logout', ...authenticated, async (req, res) => {
    const token = tokenFrom(req);
    if (token && principalOf(res).via === 'session') {
      await logout(s.db, token);
      s.principals.evict({ tokenHash: tokenHash(token) });
    }
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.clearCookie(CSRF_COOKIE, { path: '/' });
    res.status(204).end();
  });
  r.get('/me', ...authenticated, async (_req, res) => {
    const p = principalOf(res);
    // What rules see as $user.roles and $user.department, so forms can evaluate them as the server does.
    const access = (await s.security.get(p.schema)).accessOf(p.userId, p.isAdmin);
    res.json({ id: p.userId, email: p.email, displayName: p.displayName, isAdmin: p.isAdmin, locale: p.locale, tenant: p.tenantSlug, roles: access.roleNames, department: access.departmentName });
  });
  r.post('/password', ...authenticated, (req, res) =>
    withRetryAfter(res, async () => {
      const p = principalOf(res);
      const sessionToken = p.via === 'session' ? tokenFrom(req) : undefined;
      await changeOwnPassword(s.db, p, passwordChangeInput(req.body), { ...origin(req), ...(sessionToken ? { sessionToken } : {}), lockout });
      s.principals.evict({ userId: p.userId });
      res.status(204).end();
    }),
  );
  return r;
}
