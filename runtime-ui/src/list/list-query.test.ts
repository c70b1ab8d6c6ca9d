import { describe, expect, it } from 'vitest';
import type { Describe, FieldDef } from '../api/describe';
import { exportHref, pagePath, queryFromUrl, shownColumns, urlFromQuery, type ListQuery } from './list-query';

const f = (name: string, type = 'text', system = false): FieldDef => ({ name, type, label: name, required: false, system, options: {} });
const DESCRIBE = {
  version: 1,
  object: { name: 'account', label: 'Account', pluralLabel: 'Accounts', fields: [f('id', 'id', true), f('name', 'text', true), f('owner_id', 'user', true), ...Array.from({ length: 12 }, (_, i) => f(`f${i}`))], validationRules: [], listViews: [{ name: 'big', label: 'Big', columns: ['f3', 'name', 'ghost', 'f1'] }], sharing: 'private' },
  access: { create: true, read: true, edit: true, delete: true, viewAll: false, modifyAll: false, fields: {} },
} as Describe;

describe('list state in the address', () => {
  it('round-trips view, personal view, sort, search, filter and columns', () => {
    const q: ListQuery = { view: 'big', mine: 'm1', sort: [{ field: 'f1', desc: true }, { field: 'name', desc: false }], q: '上海 & co', filter: { '==': [{ var: 'f2' }, 'x'] }, columns: ['name', 'f2'] };
    const url = urlFromQuery(q);
    expect(queryFromUrl(new URLSearchParams(url))).toEqual(q);
    expect(urlFromQuery({ sort: [], q: '' })).toBe('');
  });

  it('ignores a filter that is not JSON', () => {
    expect(queryFromUrl(new URLSearchParams('filter=%7Bnope'))).toEqual({ sort: [], q: '' });
  });

  it('shows the chosen columns, else the view’s, else the name and the first fields; the name first, unknown ones dropped', () => {
    expect(shownColumns(DESCRIBE, { sort: [], q: '' }).map((c) => c.name)).toEqual(['name', 'f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8']);
    expect(shownColumns(DESCRIBE, { view: 'big', sort: [], q: '' }).map((c) => c.name)).toEqual(['name', 'f3', 'f1']);
    expect(shownColumns(DESCRIBE, { sort: [], q: '', columns: ['f5', 'owner_id'] }).map((c) => c.name)).toEqual(['f5', 'owner_id']);
  });

  it('asks the server for the same list the export writes', () => {
    const q: ListQuery = { view: 'big', sort: [{ field: 'f1', desc: true }], q: ' acme ', filter: { '>': [{ var: 'f2' }, 1] } };
    const cols = shownColumns(DESCRIBE, q);
    const page = new URL(pagePath('account', q, cols, { limit: 100, cursor: 'abc', count: true }), 'http://x').searchParams;
    expect(Object.fromEntries(page)).toEqual({ view: 'big', filter: '{">":[{"var":"f2"},1]}', sort: '-f1', q: 'acme', fields: 'name,f3,f1', limit: '100', cursor: 'abc', count: 'true' });
    const exported = new URL(exportHref('account', q, cols), 'http://x');
    expect(exported.pathname).toBe('/api/v1/records/account/export.csv');
    expect(Object.fromEntries(exported.searchParams)).toEqual({ view: 'big', filter: '{">":[{"var":"f2"},1]}', sort: '-f1', q: 'acme', fields: 'name,f3,f1' });
  });
});
