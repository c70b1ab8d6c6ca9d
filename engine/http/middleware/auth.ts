import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../../core/errors';
import type { Db } from '../../db/knex';
import type { Logger } from '../../core/logger';
import { recordTokenUse } from '../../security/api-tokens';
import type { PrincipalCache } from '../../security/principal-cache';
import type { SecurityCache } from '../../security/model/security-cache';

export const SESSION_COOKIE = 'tessera_session';

export function tokenFrom(req: Request): string | undefined {
  const header = req.get('authorization');
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    return m ? m[1] : undefined;
  }
  return (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
}

const USAGE_INTERVAL_MS = 60_000;

/**
 * Every /api/v1 route behind this requires a valid session or API token.
 * An API token's last use is written at most once a minute per process, off
 * the request's path. With the security model at hand, a user given the
 * admin permission through a permission set counts as an administrator.
 */
export function requireAuth(db: Db, principals: PrincipalCache, log?: Logger, security?: SecurityCache) {
  const lastWritten = new Map<string, number>();
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const principal = await principals.authenticate(tokenFrom(req));
      const elevated = !principal.isAdmin && security && (await security.get(principal.schema)).accessOf(principal.userId, false).isAdmin;
      res.locals.principal = elevated ? { ...principal, isAdmin: true } : principal;
      if (principal.tokenId && Date.now() - (lastWritten.get(principal.tokenId) ?? 0) > USAGE_INTERVAL_MS) {
        lastWritten.set(principal.tokenId, Date.now());
        recordTokenUse(db, principal.tokenId).catch((err) => log?.warn({ err }, 'could not record token use'));
      }
      next();
    } catch (e) {
      next(e);
    }
  };
}

export function requireAdmin(_req: Request, res: Response, next: NextFunction) {
  const p = res.locals.principal as { isAdmin?: boolean } | undefined;
  next(p?.isAdmin ? undefined : new AppError('AUTH_FORBIDDEN', 'this needs an administrator'));
}
