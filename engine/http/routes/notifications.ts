import { Router } from 'express';
import { listNotifications, markNotificationsRead } from '../../notifications/notification-store';
import { parseNotificationQuery, parseReadBody } from '../../notifications/notification-requests';
import { recordContext } from '../request-context';
import type { Services } from '../services';

/** /api/v1/me/notifications: the signed-in user's own in-app notifications (the bell). */
export function notificationsRouter(s: Services): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    const q = parseNotificationQuery(req.query);
    res.json(await listNotifications(ctx.db, ctx.meta.schema, ctx.actor.userId, { ...q, locale: ctx.locale }));
  });
  r.post('/read', async (req, res) => {
    const ctx = await recordContext(s, req, res);
    res.json(await markNotificationsRead(ctx.db, ctx.meta.schema, ctx.actor.userId, parseReadBody(req.body)));
  });
  return r;
}
