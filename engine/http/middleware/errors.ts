import type { NextFunction, Request, Response } from 'express';
import { AppError, isAppError } from '../../core/errors';
import type { Logger } from '../../core/logger';

interface BodyParserError {
  type?: string;
  status?: number;
}

/** body-parser failures → our codes. */
function fromBodyParser(err: BodyParserError): AppError | undefined {
  if (err.type === 'entity.too.large') return new AppError('REQUEST_TOO_LARGE', 'the request body is too large');
  if (err.type === 'entity.parse.failed') return new AppError('REQUEST_MALFORMED_JSON', 'the request body is not valid JSON');
  if (err.type === 'encoding.unsupported' || err.type === 'charset.unsupported') return new AppError('REQUEST_UNSUPPORTED_MEDIA_TYPE', 'unsupported body encoding');
  if (err.type === 'request.aborted' || err.type === 'request.size.invalid') return new AppError('REQUEST_INVALID', 'the request body was incomplete');
  return undefined;
}

/** The one error answer: { error: { code, message, details } }; unknown errors are logged and hidden. */
export function errorHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const appError = isAppError(err) ? err : fromBodyParser(err as BodyParserError);
    if (appError) {
      res.status(appError.status).json({ error: { code: appError.code, message: appError.message, ...(appError.details ? { details: appError.details } : {}) } });
      return;
    }
    log.error({ err, method: req.method, url: req.originalUrl }, 'unhandled error');
    res.status(500).json({ error: { code: 'INTERNAL', message: 'an internal error occurred' } });
  };
}
