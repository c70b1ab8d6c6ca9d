import { Router } from 'express';
import { AppError } from '../../core/errors';
import { listLoginEvents, type LoginEventQuery } from '../../security/login-events';
import { principalOf } from '../request-context';
import type { Services } from '../services';
import { isUuid } from '../../records/record-id';

export const DEFAULT_LOGIN_EVENTS = 100;
export const MAX_LOGIN_EVENTS = 500;

const bad = (parameter: string, message: string) => new AppError('QUERY_INVALID_PARAMETER', message, { parameter });

function single(query: Record<string, unknown>, key: string): string | undefined {
  const v = query[key];
  if (v !== undefined && typeof v !== 'string') throw bad(key, `"${key}" must be given once`);
  return v;
}

/** ?userId=&success=&limit=&before= */
function loginEventQuery(query: Record<string, unknown>): LoginEventQuery {
  const userId = single(query, 'userId');
  if (userId !== undefined && !isUuid(userId)) throw bad('userId', '"userId" must be a user id (uuid)');
  const success = single(query, 'success');
  if (success !== undefined && success !== 'true' && success !== 'false') throw bad('success', '"success" must be true or false');
  const limit = single(query, 'limit');
  if (limit !== undefined && (!/^\d{1,4}$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_LOGIN_EVENTS)) throw bad('limit', `"limit" must be an integer from 1 to ${MAX_LOGIN_EVENTS}`);
  const before = single(query, 'before');
  if (before !== undefined && !/^[1-9]\d{0,17}$/.test(before)) throw bad('before', '"before" must be the nextCursor of a previous page');
  return {
    limit: limit === undefined ? DEFAULT_LOGIN_EVENTS : Number(limit),
    ...(userId ? { userId } : {}),
    ...(success ? { success: success === 'true' } : {}),
    ...(before ? { before } : {}),
  };
}

/** /api/v1/admin/audit/logins: the organisation's sign-in attempts, newest first (read only). */
export function adminLoginsRouter(s: Services): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    res.json(await listLoginEvents(s.db, principalOf(res).tenantId, loginEventQuery(req.query as Record<string, unknown>)));
  });
  return r;
}
