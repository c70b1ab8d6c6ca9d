import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type RateLimitInfo } from 'express-rate-limit';
import { AppError } from '../core/errors';
import type { Db } from '../db/knex';
import { PgRateLimitStore } from '../security/login-rate-store';

/** How many submissions a form takes: per client address, and in all (a bot farm on many addresses). */
export interface WebFormLimits {
  perIp: number;
  perIpWindowMinutes: number;
  perForm: number;
  perFormWindowMinutes: number;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return n;
}

/** 20 per 10 minutes per address and form, 1000 per hour per form; each can be changed through the environment (documented in docs/api.md). */
export function webFormLimits(env: NodeJS.ProcessEnv = process.env): WebFormLimits {
  return {
    perIp: positive(env, 'TESSERA_WEB_FORM_IP_LIMIT', 20),
    perIpWindowMinutes: positive(env, 'TESSERA_WEB_FORM_IP_WINDOW_MINUTES', 10),
    perForm: positive(env, 'TESSERA_WEB_FORM_LIMIT', 1000),
    perFormWindowMinutes: positive(env, 'TESSERA_WEB_FORM_WINDOW_MINUTES', 60),
  };
}

function limiter(db: Db, prefix: string, limit: number, windowMinutes: number, key: (req: Request) => string, what: string): RequestHandler {
  return rateLimit({
    windowMs: windowMinutes * 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Counted in PostgreSQL (the sign-in limiter's table, own key prefix) so every process enforces one limit.
    store: new PgRateLimitStore(db, prefix),
    keyGenerator: key,
    handler: (req, _res, next) => {
      const info = (req as Request & { rateLimit?: RateLimitInfo }).rateLimit;
      const retryAfterSeconds = info?.resetTime ? Math.max(1, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000)) : windowMinutes * 60;
      next(new AppError('WEB_FORM_RATE_LIMITED', `too many submissions ${what}; try again later`, { retryAfterSeconds }));
    },
  });
}

/**
 * Every submission counts (accepted, refused or caught by the honeypot):
 * first per form and client address, then per form in all.
 */
export function webFormRateLimits(db: Db, limits: WebFormLimits): RequestHandler[] {
  return [
    limiter(db, 'webform-ip:', limits.perIp, limits.perIpWindowMinutes, (req) => `${req.params.id}|${ipKeyGenerator(req.ip ?? '')}`, 'to this form from your address'),
    limiter(db, 'webform:', limits.perForm, limits.perFormWindowMinutes, (req) => String(req.params.id), 'to this form'),
  ];
}
