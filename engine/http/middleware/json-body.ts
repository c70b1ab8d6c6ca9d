import express, { type NextFunction, type Request, type Response } from 'express';
import { AppError } from '../../core/errors';

/** Bodies must be JSON; anything else with content is refused before parsing. */
export function requireJsonContent(req: Request, _res: Response, next: NextFunction) {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if (hasBody && !req.is('application/json')) {
    next(new AppError('REQUEST_UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json'));
    return;
  }
  next();
}

export const jsonBody = (limit: string) => express.json({ limit, strict: false, type: 'application/json' });
