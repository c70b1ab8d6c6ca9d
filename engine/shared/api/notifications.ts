/** One in-app notification as its user reads it, the title in the request's language. */
export interface AppNotification {
  id: number;
  /** What happened: "assigned" (one record) or "assigned_summary" (many at once). */
  kind: string;
  object: string | null;
  recordId: string | null;
  title: string;
  body: string | null;
  createdAt: string;
  readAt: string | null;
}

/** GET /api/v1/me/notifications: the user's notifications newest first and how many are unread. */
export interface NotificationList {
  notifications: AppNotification[];
  unread: number;
}

/** POST /api/v1/me/notifications/read: how many were marked and how many stay unread. */
export interface NotificationsMarked {
  marked: number;
  unread: number;
}
