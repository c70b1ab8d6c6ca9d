// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { RouterProvider } from '../router/router';
import { homeWidgets } from './builtin-widgets';
import { HomePage } from './home-page';
import { createWidgetRegistry, registerWidgetKind } from './widget-registry';
import { addWidget, configureWidget, HOME_PREF, moveWidget, parseStoredHome, removeWidget } from './widget-store';
import type { HomeWidget, WidgetKind } from './widget-types';
import { recentWidget } from './widgets/recent-widget';
import { myOpenFilter } from './widgets/my-open-widget';

const w = (id: string, kind = 'note', config: Record<string, unknown> = {}): HomeWidget => ({ id, kind, config });

/** A widget kind of the test's own: proves the home page renders whatever the registry holds. */
const noteWidget: WidgetKind = {
  kind: 'note',
  title: 'home.widget.listView',
  defaultConfig: () => ({ text: 'hello' }),
  View: ({ config }) => <p data-testid="note">{String(config.text)}</p>,
};
const Boom = () => {
  throw new Error('widget exploded');
};
const brokenWidget: WidgetKind = { kind: 'broken', title: 'home.widget.recent', defaultConfig: () => ({}), View: Boom };

describe('widget store', () => {
  it('reads a stored home tolerantly: never set, damaged, duplicate ids, unknown kinds kept', () => {
    expect(parseStoredHome(null)).toEqual([]);
    expect(parseStoredHome({ widgets: 'no' })).toEqual([]);
    expect(parseStoredHome({ version: 1, widgets: [w('a'), { id: 'b' }, w('a', 'other'), { id: 'c', kind: 'future-chart', config: [1] }, 7] })).toEqual([w('a'), w('c', 'future-chart')]);
  });
  it('adds, removes, moves within bounds and configures', () => {
    const list = [w('a'), w('b'), w('c')];
    expect(addWidget(list, w('d')).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(removeWidget(list, 'b').map((x) => x.id)).toEqual(['a', 'c']);
    expect(moveWidget(list, 'c', -1).map((x) => x.id)).toEqual(['a', 'c', 'b']);
    expect(moveWidget(list, 'a', -1)).toBe(list);
    expect(moveWidget(list, 'a', 5).map((x) => x.id)).toEqual(['b', 'c', 'a']);
    expect(configureWidget(list, 'b', { x: 1 })[1]).toEqual(w('b', 'note', { x: 1 }));
  });
});

describe('widget registry', () => {
  it('is keyed by kind and refuses a kind twice', () => {
    expect([...homeWidgets.keys()]).toEqual(['recent-records', 'list-view', 'my-open-records']);
    const r = createWidgetRegistry([noteWidget]);
    expect(() => registerWidgetKind(r, noteWidget)).toThrow(/twice/);
    registerWidgetKind(r, brokenWidget);
    expect(r.get('broken')).toBe(brokenWidget);
  });
  it('builds the open-records filter from the widget settings', () => {
    const mine = { '==': [{ var: 'owner_id' }, { var: '$user.id' }] };
    expect(myOpenFilter({ object: 'task' })).toEqual(mine);
    expect(myOpenFilter({ object: 'task', statusField: 'status', statusValues: ['planned', 7] })).toEqual({ and: [mine, { in: [{ var: 'status' }, ['planned']] }] });
    expect(myOpenFilter({ object: 'task', statusField: 'status', statusValues: [] })).toEqual(mine);
  });
});

describe('HomePage', () => {
  let stored: unknown;
  let puts: unknown[];
  let failPut: boolean;
  beforeEach(() => {
    stored = null;
    puts = [];
    failPut = false;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit = {}) => {
        const path = url.replace('/api/v1', '');
        const json = (status: number, body?: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
        if (path === `/me/prefs/${HOME_PREF}` && (init.method ?? 'GET') === 'GET') return json(200, { key: HOME_PREF, value: stored });
        if (path === `/me/prefs/${HOME_PREF}` && init.method === 'PUT') {
          if (failPut) return json(500, { error: { code: 'INTERNAL', message: 'boom' } });
          const body = JSON.parse(String(init.body)) as { value: unknown };
          puts.push(body.value);
          stored = body.value;
          return json(204);
        }
        if (path === '/me/recent') return json(200, { records: [{ object: 'company', id: 'c1', name: '<b>Acme</b>', viewedAt: '2025-01-02T03:04:05Z' }] });
        if (path === '/metadata/navigation') return json(200, { objects: [{ name: 'company', label: { en: 'Company', 'zh-CN': '公司' }, pluralLabel: 'Companies', create: true }] });
        return json(404, { error: { code: 'ROUTE_NOT_FOUND', message: path } });
      }),
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
  const page = (registry = createWidgetRegistry([recentWidget, noteWidget, brokenWidget])) =>
    render(
      <I18nProvider initial="en">
        <RouterProvider>
          <HomePage registry={registry} />
        </RouterProvider>
      </I18nProvider>,
    );
  const order = () => [...document.querySelectorAll('[data-widget-id]')].map((e) => e.getAttribute('data-widget-id'));

  it('starts empty, adds a widget of the chosen kind and saves the layout to the user’s preferences', async () => {
    page();
    await screen.findByText(/Your home page is empty/);
    fireEvent.change(screen.getByTestId('widget-kind'), { target: { value: 'recent-records' } });
    fireEvent.click(screen.getByTestId('widget-add'));
    const link = await screen.findByText('<b>Acme</b>');
    expect(link.getAttribute('href')).toBe('/app/o/company/c1');
    expect(document.querySelector('b')).toBeNull();
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]).toMatchObject({ version: 1, widgets: [{ kind: 'recent-records', config: {} }] });
  });

  it('shows the stored widgets in order; moving and removing save each new order', async () => {
    stored = { version: 1, widgets: [w('a', 'note', { text: 'first' }), w('b', 'note', { text: 'second' }), w('c', 'future-chart')] };
    page();
    await waitFor(() => expect(order()).toEqual(['a', 'b', 'c']));
    expect(screen.getAllByTestId('note').map((n) => n.textContent)).toEqual(['first', 'second']);
    expect(screen.getByText('This widget (future-chart) is not available.')).toBeTruthy();
    fireEvent.click(document.querySelector('[data-widget-id=b] [data-testid=widget-up]')!);
    await waitFor(() => expect(order()).toEqual(['b', 'a', 'c']));
    fireEvent.click(document.querySelector('[data-widget-id=c] [data-testid=widget-remove]')!);
    await waitFor(() => expect(puts).toHaveLength(2));
    expect((puts[0] as { widgets: HomeWidget[] }).widgets.map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect((puts[1] as { widgets: HomeWidget[] }).widgets.map((x) => x.id)).toEqual(['b', 'a']);
    expect(document.querySelector('[data-widget-id=b] [data-testid=widget-up]')!.hasAttribute('disabled')).toBe(true);
  });

  it('keeps a widget’s fault inside it and a failed save on screen with a retry', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    stored = { version: 1, widgets: [w('x', 'broken'), w('y', 'note', { text: 'still here' })] };
    failPut = true;
    page();
    expect((await screen.findByText('widget exploded')).closest('[data-widget-id=x]')).toBeTruthy();
    expect(screen.getByTestId('note').textContent).toBe('still here');
    fireEvent.click(document.querySelector('[data-widget-id=y] [data-testid=widget-up]')!);
    expect(await screen.findByText('Your layout could not be saved.')).toBeTruthy();
    expect(order()).toEqual(['y', 'x']);
    failPut = false;
    fireEvent.click(screen.getByText('Try again', { selector: '.api-error button' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect((puts[0] as { widgets: HomeWidget[] }).widgets.map((x) => x.id)).toEqual(['y', 'x']);
    await waitFor(() => expect(screen.queryByText('Your layout could not be saved.')).toBeNull());
  });
});
