import type { Request, RequestHandler } from 'express';
import { rateLimit, type RateLimitInfo } from 'express-rate-limit';
import { AppError } from '../../core/errors';
import { recordLoginEvent, type LoginAttempt } from '../../security/login-events';
import { PgRateLimitStore } from '../../security/login-rate-store';
import type { Services } from '../services';

/** The attempt as far as the (possibly malformed) body tells it, for the login event. */
export function loginAttemptOf(req: Request): LoginAttempt {
  const b = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
  return {
    email: typeof b.email === 'string' ? b.email.slice(0, 254) : '',
    ...(typeof b.tenant === 'string' && b.tenant ? { tenantSlug: b.tenant } : {}),
    ...(req.ip ? { ip: req.ip } : {}),
    ...(req.get('user-agent') ? { userAgent: req.get('user-agent') } : {}),
  };
}

/**
 * Failed sign-ins per client IP (all accounts together), counted in
 * PostgreSQL so every process enforces one limit. Successful sign-ins are
 * given back, so an office behind one address is not locked out by its own
 * users; over the limit every attempt is refused with 429 AUTH_RATE_LIMITED and
 * Retry-After, and leaves a `rate_limited` login event.
 */
export function loginRateLimit(s: Services): RequestHandler {
  return rateLimit({
    windowMs: s.config.loginRateWindowMinutes * 60_000,
    limit: s.config.loginRateLimit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new PgRateLimitStore(s.db),
    handler: (req, _res, next) => {
      const info = (req as Request & { rateLimit?: RateLimitInfo }).rateLimit;
      const retryAfterSeconds = info?.resetTime ? Math.max(1, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000)) : s.config.loginRateWindowMinutes * 60;
      recordLoginEvent(s.db, loginAttemptOf(req), { reason: 'rate_limited' }).then(
        () => next(new AppError('AUTH_RATE_LIMITED', 'too many failed sign-ins from this address; try again later', { retryAfterSeconds })),
        next,
      );
    },
  });
}
