// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { FieldDef } from '../api/describe';
import { MetadataScope } from '../api/metadata';
import { Providers, stubApi, type StubRequest } from '../form/test-support';
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

let calls: StubRequest[];
beforeEach(() => {
  ({ calls } = stubApi((req) => {
    const { path } = req;
    const m = /^\/metadata\/objects\/(\w+)\/describe$/.exec(path);
    if (m) return describes[m[1]!] ? { status: 200, body: describes[m[1]!] } : { status: 404, body: { error: { code: 'OBJECT_NOT_FOUND', message: 'no' } } };
    if (path === '/metadata/objects') return { status: 200, body: { version: 1, objects: raw } };
    if (path === '/metadata/navigation') return { status: 200, body: { objects: nav } };
    if (path === '/me/recent' && req.method === 'POST') return { status: 204 };
    if (path === '/records/company/c1') return { status: 200, body: { id: 'c1', name: 'Acme', city: 'Paris', parent: 'c0', owner_id: 'u1', version: 3, created_at: '2025-01-01T00:00:00Z' } };
    if (path === '/records/company/gone') return { status: 404, body: { error: { code: 'RECORD_NOT_FOUND', message: 'company gone does not exist' } } };
    if (path === '/records/company/c1/history') return { status: 200, body: { entries: [{ id: 1, at: '2025-01-01T00:00:00Z', actor: { id: 'u1', displayName: 'Ada' }, action: 'update', changes: { city: ['Lyon', 'Paris'] } }], nextBefore: null } };
    if (path === '/records/company' && req.query.get('fields') === 'name') return { status: 200, body: { records: [{ id: 'c0', name: 'Acme Holding' }] } };
    if (path === '/records/person') return { status: 200, body: { records: [{ id: 'p1', name: 'Bo', title: 'CTO' }], total: 1 } };
    if (path === '/records/deal') return { status: 200, body: { records: [{ id: 'd1', name: 'Big deal', close_date: '2025-05-01' }], total: 1 } };
    if (path === '/records/company') return { status: 200, body: { records: [], total: 0 } };
    return undefined;
  }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const page = (id: string) =>
  render(
    <Providers>
      <RecordPage object="company" id={id} />
    </Providers>,
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
  const personList = calls.find((c) => c.path === '/records/person')!;
  expect(JSON.parse(personList.query.get('filter')!)).toEqual({ '==': [{ var: 'employer' }, 'c1'] });
  // The timeline: deals (a required date) — secret would rank higher but may not be read.
  expect((await screen.findAllByTestId('timeline-entry')).map((e) => e.querySelector('a')!.textContent)).toEqual(['Big deal']);
  expect((await screen.findByTestId('history-entry')).textContent).toContain('City: Lyon → Paris');
  expect(calls.find((c) => c.method === 'POST' && c.path === '/me/recent')?.body).toEqual({ object: 'company', id: 'c1' });
});

it('answers a missing record with a clear message and a way back to the list', async () => {
  page('gone');
  expect((await screen.findByTestId('record-unavailable')).querySelector('h1')!.textContent).toBe('This record does not exist');
  expect(screen.getByText('Back to the list').getAttribute('href')).toBe('/app/o/company');
  expect(calls.some((c) => c.path === '/me/recent')).toBe(false);
});

it('asks each describe once per page, though the page, its related lists and the timeline all read them', async () => {
  render(
    <Providers>
      <MetadataScope>
        <RecordPage object="company" id="c1" />
      </MetadataScope>
    </Providers>,
  );
  await screen.findByText('Bo');
  await screen.findAllByTestId('timeline-entry');
  expect(calls.filter((c) => c.path.endsWith('/describe')).map((c) => c.path).sort()).toEqual(['/metadata/objects/company/describe', '/metadata/objects/deal/describe', '/metadata/objects/person/describe']);
  expect(calls.filter((c) => c.path === '/metadata/navigation')).toHaveLength(1);
});
