import type { AppNotification, NotificationList, NotificationsMarked } from '../../../engine/shared/api/notifications';
import { get, post } from '../api/client';

/** How many the dropdown shows. */
export const BELL_LIMIT = 20;

export const loadNotifications = () => get<NotificationList>(`/me/notifications?limit=${BELL_LIMIT}`);
export const markRead = (ids: number[]) => post<NotificationsMarked>('/me/notifications/read', { ids });
export const markAllRead = () => post<NotificationsMarked>('/me/notifications/read', { all: true });

/** Where a notification leads: its record, or the object's list for a summary. */
export function notificationHref(n: AppNotification): string | undefined {
  if (!n.object) return undefined;
  return n.recordId ? `/app/o/${n.object}/${n.recordId}` : `/app/o/${n.object}`;
}
