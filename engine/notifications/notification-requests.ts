import { AppError, type Issue } from '../core/errors';
import { parseBody } from '../security/admin/request-schemas';

export const DEFAULT_NOTIFICATION_LIMIT = 20;
export const MAX_NOTIFICATION_LIMIT = 100;
const MAX_READ_IDS = 1000;

/** `?unread=true&limit=N` of GET /me/notifications (400 REQUEST_INVALID otherwise). */
export function parseNotificationQuery(query: Record<string, unknown>): { unreadOnly: boolean; limit: number } {
  const { unread, limit } = query;
  const issues: Issue[] = [];
  if (unread !== undefined && unread !== 'true' && unread !== 'false') issues.push({ path: '/unread', code: 'FIELD_INVALID', message: 'unread is true or false' });
  if (limit !== undefined && (typeof limit !== 'string' || !/^\d{1,3}$/.test(limit) || Number(limit) < 1 || Number(limit) > MAX_NOTIFICATION_LIMIT)) {
    issues.push({ path: '/limit', code: 'FIELD_INVALID', message: `limit is a whole number from 1 to ${MAX_NOTIFICATION_LIMIT}` });
  }
  if (issues.length) throw new AppError('REQUEST_INVALID', issues[0]!.message, { issues });
  return { unreadOnly: unread === 'true', limit: limit === undefined ? DEFAULT_NOTIFICATION_LIMIT : Number(limit) };
}

const readBody = {
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['ids'], properties: { ids: { type: 'array', minItems: 1, maxItems: MAX_READ_IDS, items: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } } } },
    { type: 'object', additionalProperties: false, required: ['all'], properties: { all: { const: true } } },
  ],
};

/** `{ids: [...]}` or `{all: true}` of POST /me/notifications/read. */
export function parseReadBody(body: unknown): { ids: number[] } | { all: true } {
  return parseBody<{ ids: number[] } | { all: true }>(readBody, body, 'REQUEST_INVALID');
}
