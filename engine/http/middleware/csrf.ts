import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../../core/errors';
import { SESSION_COOKIE } from './auth';

/** Readable (not HttpOnly) cookie holding the CSRF token, for the browser's scripts. */
export const CSRF_COOKIE = 'tessera_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The CSRF token of a session: derived from the secret session token, so any
 * process can check it without storing anything, and another site, which
 * cannot read the session cookie, cannot compute it.
 */
export const csrfTokenFor = (sessionToken: string) => createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function matches(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Browsers send the session cookie with cross-site requests too; a write
 * authenticated by that cookie must therefore carry the session's CSRF token
 * in `X-CSRF-Token`. Requests with an Authorization header (bearer session or
 * API token) are not affected: another site cannot make a browser add it.
 */
export function requireCsrfToken(req: Request, _res: Response, next: NextFunction): void {
  // Same test as tokenFrom: an empty Authorization header means the cookie is used.
  if (SAFE_METHODS.has(req.method) || req.get('authorization')) return next();
  const session = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
  if (!session) return next();
  const sent = req.get(CSRF_HEADER);
  next(sent && matches(sent, csrfTokenFor(session)) ? undefined : new AppError('AUTH_CSRF_FAILED', `a cookie-authenticated write needs the ${CSRF_HEADER} header of the session`));
}
