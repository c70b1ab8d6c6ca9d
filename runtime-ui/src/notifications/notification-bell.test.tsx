// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { AppNotification } from '../../../engine/shared/api/notifications';
import { stubApi, urlOf, type StubRequest } from '../form/test-support';
import { I18nProvider } from '../i18n/i18n';
import { RouterProvider, useRouter } from '../router/router';
import { NotificationBell } from './notification-bell';

const n = (id: number, extra: Record<string, unknown> = {}): AppNotification => ({ id, kind: 'assigned', object: 'lead', recordId: `r${id}`, title: `Lead ${id} assigned to you`, body: `Body ${id}`, createdAt: '2025-03-01T10:00:00Z', readAt: null, ...extra });

let stored: AppNotification[];
let calls: StubRequest[];

beforeEach(() => {
  stored = [n(3), n(2), n(1, { readAt: '2025-03-01T11:00:00Z' }), n(9, { kind: 'assigned_summary', recordId: null, title: '12 new leads were assigned to you', body: null })];
  window.history.replaceState(null, '', '/app');
  const unread = () => stored.filter((x) => !x.readAt).length;
  ({ calls } = stubApi((req) => {
    if (req.path === '/me/notifications' && req.method === 'GET') return { status: 200, body: { notifications: stored, unread: unread() } };
    if (req.path === '/me/notifications/read') {
      const body = req.body as { all?: boolean; ids?: number[] };
      const marked = stored.filter((x) => !x.readAt && (body.all || body.ids?.includes(x.id)));
      marked.forEach((x) => (x.readAt = '2025-03-02T00:00:00Z'));
      return { status: 200, body: { marked: marked.length, unread: unread() } };
    }
    return undefined;
  }));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Shows the current path, so the test sees where a click led. */
function Where() {
  const { path, navigate } = useRouter();
  return (
    <>
      <span data-testid="path">{path}</span>
      <button type="button" onClick={() => navigate('/app/o/lead')}>
        go
      </button>
    </>
  );
}

const mount = (pollMs?: number) =>
  render(
    <I18nProvider initial="en">
      <RouterProvider>
        <NotificationBell {...(pollMs ? { pollMs } : {})} />
        <Where />
      </RouterProvider>
    </I18nProvider>,
  );
const gets = () => calls.filter((c) => c.method === 'GET').length;

it('shows the unread count, lists notifications with links, and opening one marks it read and navigates', async () => {
  mount();
  await waitFor(() => expect(screen.getByTestId('notification-count').textContent).toBe('3'));
  expect(screen.getByRole('button', { name: 'Notifications, 3 unread' })).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: /Notifications/ }));
  const item = screen.getByTestId('notification-2');
  expect(item.className).toContain('unread');
  expect(screen.getByTestId('notification-1').className).not.toContain('unread');
  expect(item.querySelector('a')!.getAttribute('href')).toBe('/app/o/lead/r2');
  expect(screen.getByTestId('notification-9').querySelector('a')!.getAttribute('href')).toBe('/app/o/lead');
  expect(item.textContent).toContain('Body 2');
  fireEvent.click(item.querySelector('a')!);
  expect(screen.getByTestId('path').textContent).toBe('/app/o/lead/r2');
  await waitFor(() => expect(calls.some((c) => c.path === '/me/notifications/read' && JSON.stringify(c.body) === '{"ids":[2]}')).toBe(true));
  await waitFor(() => expect(screen.getByTestId('notification-count').textContent).toBe('2'));
});

it('marks all read and hides the count', async () => {
  mount();
  await waitFor(() => expect(screen.getByTestId('notification-count').textContent).toBe('3'));
  fireEvent.click(screen.getByRole('button', { name: /Notifications/ }));
  fireEvent.click(screen.getByTestId('notifications-mark-all'));
  await waitFor(() => expect(screen.queryByTestId('notification-count')).toBeNull());
  expect(calls.find((c) => c.path === '/me/notifications/read')!.body).toEqual({ all: true });
  expect(screen.getByTestId('notification-3').className).not.toContain('unread');
});

it('asks again on navigation and every poll interval', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  mount(60_000);
  await waitFor(() => expect(gets()).toBe(1));
  act(() => fireEvent.click(screen.getByText('go')));
  await waitFor(() => expect(gets()).toBe(2));
  stored.unshift(n(10));
  await act(async () => {
    vi.advanceTimersByTime(60_000);
  });
  await waitFor(() => expect(screen.getByTestId('notification-count').textContent).toBe('4'));
  expect(gets()).toBe(3);
  expect(urlOf(calls[0]!)).toBe('/me/notifications?limit=20');
});

it('says so when there is nothing, and when the server cannot answer', async () => {
  stored = [];
  mount();
  await waitFor(() => expect(gets()).toBe(1));
  fireEvent.click(screen.getByRole('button', { name: 'Notifications, 0 unread' }));
  expect(screen.getByText('No notifications')).toBeTruthy();
  expect((screen.getByTestId('notifications-mark-all') as HTMLButtonElement).disabled).toBe(true);
  cleanup();
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'INTERNAL', message: 'x' } }), { status: 500 })));
  mount();
  fireEvent.click(screen.getByRole('button', { name: /Notifications/ }));
  await waitFor(() => expect(screen.getByText('Notifications cannot be loaded right now')).toBeTruthy());
});
