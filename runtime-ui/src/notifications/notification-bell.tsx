import { useCallback, useEffect, useState } from 'react';
import type { AppNotification, NotificationList } from '../../../engine/shared/api/notifications';
import { ApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n';
import { Link, useRouter } from '../router/router';
import { loadNotifications, markAllRead, markRead, notificationHref } from './notification-api';
import './notifications.css';

/** How often the bell asks for new notifications. */
export const POLL_MS = 60_000;

/**
 * The bell in the top bar: the number of unread notifications (asked every
 * minute, on every navigation and when the language changes), and a
 * dropdown listing the latest with links to their records; opening one marks
 * it read, "mark all read" clears the count.
 */
export function NotificationBell({ pollMs = POLL_MS }: { pollMs?: number }) {
  const { t, locale, fmt } = useI18n();
  const { path } = useRouter();
  const [list, setList] = useState<NotificationList>({ notifications: [], unread: 0 });
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);

  const refresh = useCallback(() => {
    loadNotifications().then(
      (l) => {
        setList(l);
        setFailed(false);
      },
      (e: unknown) => setFailed(e instanceof ApiError),
    );
  }, []);
  useEffect(refresh, [refresh, path, locale]);
  useEffect(() => {
    const timer = setInterval(refresh, pollMs);
    return () => clearInterval(timer);
  }, [refresh, pollMs]);

  const readOne = (n: AppNotification) => {
    setOpen(false);
    if (n.readAt) return;
    setList((l) => ({ notifications: l.notifications.map((x) => (x.id === n.id ? { ...x, readAt: new Date().toISOString() } : x)), unread: Math.max(0, l.unread - 1) }));
    markRead([n.id]).then((r) => setList((l) => ({ ...l, unread: r.unread })), refresh);
  };
  const readAll = () => {
    markAllRead().then(() => refresh(), refresh);
    setList((l) => ({ notifications: l.notifications.map((x) => (x.readAt ? x : { ...x, readAt: new Date().toISOString() })), unread: 0 }));
  };

  return (
    <div className="bell" data-testid="notification-bell">
      <button type="button" className="bell-button" aria-haspopup="true" aria-expanded={open} aria-label={t('notifications.bell', { count: list.unread })} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">🔔</span>
        {list.unread > 0 && (
          <span className="bell-count" data-testid="notification-count">
            {list.unread > 99 ? '99+' : list.unread}
          </span>
        )}
      </button>
      {open && (
        <div className="bell-menu" role="menu">
          <div className="bell-head">
            <span>{t('notifications.title')}</span>
            <button type="button" className="link" disabled={list.unread === 0} onClick={readAll} data-testid="notifications-mark-all">
              {t('notifications.markAllRead')}
            </button>
          </div>
          {failed && <p className="bell-empty">{t('notifications.failed')}</p>}
          {!failed && list.notifications.length === 0 && <p className="bell-empty">{t('notifications.empty')}</p>}
          <ul className="bell-list">
            {list.notifications.map((n) => {
              const href = notificationHref(n);
              const text = (
                <>
                  {n.title}
                  {n.body && <small>{n.body}</small>}
                  <small>{fmt.datetime(n.createdAt)}</small>
                </>
              );
              return (
                // Capture: runs before the link navigates (a Link's own onClick cannot be extended).
                <li key={n.id} className={`bell-item${n.readAt ? '' : ' unread'}`} data-testid={`notification-${n.id}`} onClickCapture={() => readOne(n)}>
                  {href ? <Link to={href}>{text}</Link> : <a role="menuitem">{text}</a>}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
