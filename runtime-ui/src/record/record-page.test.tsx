// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { FieldDef } from '../api/describe';
import { MetadataScope } from '../api/metadata';
import { I18nProvider } from '../i18n/i18n';
import { RouterProvider } from '../router/router';
import { SessionProvider } from '../shell/session';
import { RecordPage } from './record-page';

/** The record page over a mocked API: related lists and the timeline found from the metadata, the view noted, 404 answered. */
const f = (name: string, type: string, label: string, options: Record<string, unknown> = {}, system = false): FieldDef => ({ name, type, label, required: false, system, options });
const sys = [f('id', 'id', 'ID', {}, true), f('name', 'text', 'Name', {}, true), f('owner_id', 'user', 'Owner', {}, true), f('created_at', 'datetime', 'Created At', {}, true)];
const access = { create: true, read: true, edit: true, delete: true, viewAll: false, modifyAll: false, fields: {} };
const describes: Record<string, unknown> = {
  company: { version: 1, object: { name: 'company', label: 'Company', pluralLabel: 'Companies', fields: [...sys, f('city', 'text', 'City'), f('parent', 'lookup', 'Parent', { target: 'company' })], validationRules: [], listViews: [], sharing: 'private' }, access },
  person: { version: 1, object: { name: 'person', label: 'Person', pluralLabel: 'People', fields: [...sys, f('employer', 'lookup', 'Employer', { target: 'company' }), f('title', 'text', 'Title')], validationRules: [], listViews: [], sharing: 'private' }, access: { ...access, create: false } },
  deal: { version: 1, object: { name: 'deal', label: 'Deal', pluralLabel: 'Deals', fields: [...sys, f('buyer', 'lookup', 'Buyer', { target: 'company' }), f('close_date', 'date', 'Close date')], validationRules: [], listViews: [], sharing: 'private' }, access },
};
const raw = [
  { name: 'company', fields: [{ name: 'city', type: 'text' }, { name: 'parent', type: 'lookup', options: { target: 'company' } }] },
  { name: 'person', fields: [{ name: 'employer', type: 'lookup', options: { target: 'company' } }, { name: 'title', type: 'text' }] },
  { name: 'deal', fields: [{ name: 'buyer', type: 'lookup', options: { target: 'company' } }, { name: 'close_date', type: 'date', required: true }] },
  { name: 'secret', fields: [{ name: 'company', type: 'lookup', options: { target: 'company' } }, { name: 'at', type: 'datetime', required: true }] },
];
const nav = ['company', 'person', 'deal'].map((name) => ({ name, label: name, pluralLabel: name, create: true }));

let calls: { method: string; path: string; body?: unknown }[];
beforeEach(() => {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const u = new URL(url, 'http://x');
      const path = u.pathname.replace('/api/v1', '');
      const method = init.method ?? 'GET';
      calls.push({ method, path: path + u.search, ...(init.body ? { body: JSON.parse(String(init.body)) } : {}) });
      const json = (status: number, body?: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status });
      const m = /^\/metadata\/objects\/(\w+)\/describe$/.exec(path);
      if (m) return describes[m[1]!] ? json(200, describes[m[1]!]) : json(404, { error: { code: 'OBJECT_NOT_FOUND', message: 'no' } });
      if (path === '/auth/me') return json(200, { id: 'u1', email: 'a@b', displayName: 'Ada', isAdmin: false, locale: 'en', tenant: 't' });
      if (path === '/metadata/objects') return json(200, { version: 1, objects: raw });
      if (path === '/metadata/navigation') return json(200, { objects: nav });
      if (path === '/me/recent' && method === 'POST') return json(204);
      if (path === '/records/company/c1') return json(200, { id: 'c1', name: 'Acme', city: 'Paris', parent: 'c0', owner_id: 'u1', version: 3, created_at: '2025-01-01T00:00:00Z' });
      if (path === '/records/company/gone') return json(404, { error: { code: 'RECORD_NOT_FOUND', message: 'company gone does not exist' } });
      if (path === '/records/company/c1/history') return json(200, { entries: [{ id: 1, at: '2025-01-01T00:00:00Z', actor: { id: 'u1', displayName: 'Ada' }, action: 'update', changes: { city: ['Lyon', 'Paris'] } }], nextBefore: null });
      if (path === '/records/company' && u.searchParams.get('fields') === 'name') return json(200, { records: [{ id: 'c0', name: 'Acme Holding' }] });
      if (path === '/records/person') return json(200, { records: [{ id: 'p1', name: 'Bo', title: 'CTO' }], total: 1 });
      if (path === '/records/deal') return json(200, { records: [{ id: 'd1', name: 'Big deal', close_date: '2025-05-01' }], total: 1 });
      if (path === '/records/company') return json(200, { records: [], total: 0 });
      return json(404, { error: { code: 'ROUTE_NOT_FOUND', message: path } });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const page = (id: string) =>
  render(
    <I18nProvider initial="en">
      <RouterProvider>
        <SessionProvider>
          <RecordPage object="company" id={id} />
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>,
  );

it('lays out a record without a layout, finds its related lists and timeline from the metadata, notes the view', async () => {
  page('c1');
  await screen.findByText('Bo');
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Acme');
  expect([...document.querySelectorAll('[data-testid=record-section] h2')].map((h) => h.textContent)).toEqual(['Details', 'System information']);
  await waitFor(() => expect(screen.getAllByText('Acme Holding')[0]!.getAttribute('href')).toBe('/app/o/company/c0'));
  // Every lookup to company of an object the user may read; "secret" is not in the navigation.
  expect([...document.querySelectorAll('[data-testid^=related-]:not([data-testid^=related-new]):not([data-testid=related-count])')].map((e) => e.getAttribute('data-testid'))).toEqual(['related-company-parent', 'related-person-employer', 'related-deal-buyer']);
  expect(document.querySelector('[data-testid=related-person-employer] [data-testid=related-new-person-employer]')).toBeNull();
  expect(document.querySelector('[data-testid=related-deal-buyer] [data-testid=related-new-deal-buyer]')).not.toBeNull();
  const personList = calls.find((c) => c.path.startsWith('/records/person?'))!;
  expect(JSON.parse(new URL(personList.path, 'http://x').searchParams.get('filter')!)).toEqual({ '==': [{ var: 'employer' }, 'c1'] });
  // The timeline: deals (a required date) — secret would rank higher but may not be read.
  expect((await screen.findAllByTestId('timeline-entry')).map((e) => e.querySelector('a')!.textContent)).toEqual(['Big deal']);
  expect((await screen.findByTestId('history-entry')).textContent).toContain('City: Lyon → Paris');
  expect(calls).toContainEqual({ method: 'POST', path: '/me/recent', body: { object: 'company', id: 'c1' } });
});

it('answers a missing record with a clear message and a way back to the list', async () => {
  page('gone');
  expect((await screen.findByTestId('record-unavailable')).querySelector('h1')!.textContent).toBe('This record does not exist');
  expect(screen.getByText('Back to the list').getAttribute('href')).toBe('/app/o/company');
  expect(calls.some((c) => c.path === '/me/recent')).toBe(false);
});

it('asks each describe once per page, though the page, its related lists and the timeline all read them', async () => {
  render(
    <I18nProvider initial="en">
      <RouterProvider>
        <SessionProvider>
          <MetadataScope>
            <RecordPage object="company" id="c1" />
          </MetadataScope>
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>,
  );
  await screen.findByText('Bo');
  await screen.findAllByTestId('timeline-entry');
  expect(calls.filter((c) => c.path.endsWith('/describe')).map((c) => c.path).sort()).toEqual(['/metadata/objects/company/describe', '/metadata/objects/deal/describe', '/metadata/objects/person/describe']);
  expect(calls.filter((c) => c.path === '/metadata/navigation')).toHaveLength(1);
});
