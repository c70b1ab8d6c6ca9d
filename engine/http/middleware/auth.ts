import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../../core/errors';
import type { Db } from '../../db/knex';
import { authenticate } from '../../security/authenticate';

export const SESSION_COOKIE = 'tessera_session';

export function tokenFrom(req: Request): string | undefined {
  const header = req.get('authorization');
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    return m ? m[1] : undefined;
  }
  return (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
}

/** Every /api/v1 route behind this requires a valid session or API token. */
export function requireAuth(db: Db) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.locals.principal = await authenticate(db, tokenFrom(req));
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
