import { runSql, type Executor } from '../db/knex';
import { qualified } from '../schema-engine/column-ddl';
import type { AppNotification, NotificationList, NotificationsMarked } from '../shared/api/notifications';
import type { Label, Locale } from '../shared/metadata-types';

/** A notification about to be written. */
export interface NewNotification {
  userId: string;
  /** What happened: "assigned" (one record) or "assigned_summary" (many at once). */
  kind: string;
  object: string | null;
  recordId: string | null;
  title: Label;
  body: string | null;
}

interface NotificationRow {
  id: string;
  kind: string;
  object: string | null;
  record_id: string | null;
  title: Label;
  body: string | null;
  created_at: Date;
  read_at: Date | null;
}

const table = (schema: string) => qualified(schema, '_notifications');

/** Writes notifications with one statement. */
export async function insertNotifications(db: Executor, schema: string, list: NewNotification[]): Promise<void> {
  if (!list.length) return;
  await runSql(
    db,
    `INSERT INTO ${table(schema)} (user_id, kind, object, record_id, title, body)
     SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::jsonb[], ?::text[])`,
    [list.map((n) => n.userId), list.map((n) => n.kind), list.map((n) => n.object), list.map((n) => n.recordId), list.map((n) => JSON.stringify(n.title)), list.map((n) => n.body)],
  );
}

const out = (r: NotificationRow, locale: Locale): AppNotification => ({
  id: Number(r.id),
  kind: r.kind,
  object: r.object,
  recordId: r.record_id,
  title: r.title[locale] ?? r.title.en,
  body: r.body,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at ? r.read_at.toISOString() : null,
});

/** The user's notifications newest first (only unread ones on request) and how many are unread. */
export async function listNotifications(db: Executor, schema: string, userId: string, opts: { unreadOnly: boolean; limit: number; locale: Locale }): Promise<NotificationList> {
  const [rows, [count]] = await Promise.all([
    runSql<NotificationRow>(
      db,
      `SELECT id, kind, object, record_id, title, body, created_at, read_at FROM ${table(schema)} WHERE user_id = ?${opts.unreadOnly ? ' AND read_at IS NULL' : ''} ORDER BY id DESC LIMIT ?`,
      [userId, opts.limit],
    ),
    runSql<{ n: number }>(db, `SELECT count(*)::int AS n FROM ${table(schema)} WHERE user_id = ? AND read_at IS NULL`, [userId]),
  ]);
  return { notifications: rows.map((r) => out(r, opts.locale)), unread: count!.n };
}

/** Marks the user's own notifications read (the listed ones, or all); others' ids are ignored. */
export async function markNotificationsRead(db: Executor, schema: string, userId: string, which: { ids: number[] } | { all: true }): Promise<NotificationsMarked> {
  const [only, params] = 'ids' in which ? [' AND id = ANY(?::bigint[])', [userId, which.ids]] : ['', [userId]];
  const marked = await runSql(db, `UPDATE ${table(schema)} SET read_at = now() WHERE user_id = ? AND read_at IS NULL${only} RETURNING id`, params);
  const [count] = await runSql<{ n: number }>(db, `SELECT count(*)::int AS n FROM ${table(schema)} WHERE user_id = ? AND read_at IS NULL`, [userId]);
  return { marked: marked.length, unread: count!.n };
}
