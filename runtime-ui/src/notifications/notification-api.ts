import { get, post } from '../api/client';

/** One in-app notification as GET /me/notifications answers it (title already in the request's language). */
export interface AppNotification {
  id: number;
  kind: string;
  object: string | null;
  recordId: string | null;
  title: string;
  body: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  notifications: AppNotification[];
  unread: number;
}

/** How many the dropdown shows. */
export const BELL_LIMIT = 20;

export const loadNotifications = () => get<NotificationList>(`/me/notifications?limit=${BELL_LIMIT}`);
export const markRead = (ids: number[]) => post<{ marked: number; unread: number }>('/me/notifications/read', { ids });
export const markAllRead = () => post<{ marked: number; unread: number }>('/me/notifications/read', { all: true });

/** Where a notification leads: its record, or the object's list for a summary. */
export function notificationHref(n: AppNotification): string | undefined {
  if (!n.object) return undefined;
  return n.recordId ? `/app/o/${n.object}/${n.recordId}` : `/app/o/${n.object}`;
}
