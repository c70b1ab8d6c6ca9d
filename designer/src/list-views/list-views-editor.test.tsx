// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ListView, RawObjectDef } from '../../../engine/shared/metadata-types';
import { Providers, stubApi } from '../../../runtime-ui/src/form/test-support';
import type { DraftIssue } from '../draft/draft-types';
import { placeableFields, rawFieldDefs } from '../layout/object-fields';
import { OPERATORS } from '../../../runtime-ui/src/filter-builder/operators';
import { ListViewsEditor } from './list-views-editor';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const DEAL: RawObjectDef = {
  name: 'deal',
  label: 'Deal',
  fields: [
    { name: 'amount', type: 'currency', label: { en: 'Amount', 'zh-CN': '金额' } },
    { name: 'stage', type: 'picklist', label: 'Stage', options: { values: [{ value: 'new', label: 'New' }, { value: 'won', label: 'Won' }] } },
  ],
};
const ME = '0c3e2f4a-1b5d-4c6e-8f70-112233445566';
const ROLES = [
  { id: 'r1', name: 'sales', label: { en: 'Sales', 'zh-CN': '销售' }, parentId: null },
  { id: 'r2', name: 'support', label: { en: 'Support', 'zh-CN': '支持' }, parentId: null },
];

/** The editor over a def kept in state, as the draft store keeps it; `last()` is the latest list views written. */
function renderEditor(views: ListView[] = [], issues: DraftIssue[] = []) {
  stubApi((req) => {
    if (req.path === '/admin/roles') return { status: 200, body: { roles: ROLES } };
    if (req.path === '/auth/me') return { status: 200, body: { id: ME, email: 'ada@x.test', displayName: 'Ada', isAdmin: false, locale: 'en', tenant: 't' } };
    return undefined;
  });
  const seen: ListView[][] = [];
  const initial: RawObjectDef = { ...DEAL, ...(views.length ? { listViews: views } : {}) };
  function Harness() {
    const [def, setDef] = useState(initial);
    return (
      <ListViewsEditor
        def={def}
        fields={placeableFields(rawFieldDefs(def))}
        issues={issues}
        onChange={(next) => {
          seen.push(next);
          setDef({ ...def, listViews: next });
        }}
      />
    );
  }
  render(
    <Providers>
      <Harness />
    </Providers>,
  );
  return { last: () => seen[seen.length - 1]! };
}

const click = (testid: string) => fireEvent.click(screen.getByTestId(testid));
const change = (testid: string, value: string) => fireEvent.change(screen.getByTestId(testid), { target: { value } });

describe('list view editor', () => {
  it('adds a view and writes its name, label, columns in order and sort keys', () => {
    const { last } = renderEditor();
    click('views-add');
    expect(last()).toEqual([{ name: 'view_1', label: { en: 'New view', 'zh-CN': '新视图' }, columns: ['name'], visibility: { type: 'shared' } }]);
    change('views-name-0', 'open_deals');
    change('views-label-en-0', 'Open deals');
    change('views-label-zh-0', '进行中的商机');
    click('views-column-amount');
    click('views-column-stage');
    click('views-column-up-stage');
    click('views-column-owner_id');
    click('views-column-owner_id');
    click('views-sort-add');
    change('views-sort-0', 'amount');
    change('views-sort-dir-0', 'desc');
    click('views-sort-add');
    change('views-sort-1', 'name');
    expect(last()).toEqual([{ name: 'open_deals', label: { en: 'Open deals', 'zh-CN': '进行中的商机' }, columns: ['name', 'stage', 'amount'], sort: ['-amount', 'name'], visibility: { type: 'shared' } }]);
    click('views-sort-remove-0');
    click('views-column-name');
    click('views-column-stage');
    click('views-column-amount');
    expect(last()[0]).toEqual({ name: 'open_deals', label: { en: 'Open deals', 'zh-CN': '进行中的商机' }, sort: ['name'], visibility: { type: 'shared' } });
  });

  it('builds the filter with the runtime filter builder', () => {
    const { last } = renderEditor([{ name: 'all', label: 'All' }]);
    click('views-edit-0');
    click('filter-add-condition');
    fireEvent.change(within(screen.getByTestId('filter-condition')).getByTestId('filter-field'), { target: { value: 'name' } });
    fireEvent.change(within(screen.getByTestId('filter-condition')).getByRole('textbox'), { target: { value: 'acme' } });
    expect(last()[0]!.filter).toEqual({ contains: [{ var: 'name' }, 'acme'] });
    click('filter-add-condition');
    const second = screen.getAllByTestId('filter-condition')[1]!;
    fireEvent.change(within(second).getByTestId('filter-field'), { target: { value: 'stage' } });
    fireEvent.click(within(second).getByRole('button', { name: 'Won' }));
    expect(last()[0]!.filter).toEqual({ and: [{ contains: [{ var: 'name' }, 'acme'] }, OPERATORS.any_of.toLogic('stage', ['won'], 'picklist')] });
  });

  it('keeps a filter the builder cannot show as raw JSON, editable, refusing what does not parse', () => {
    const odd = { some: [{ var: 'tags' }, { '==': [{ var: '' }, 'x'] }] };
    const { last } = renderEditor([{ name: 'odd', label: 'Odd', filter: odd }]);
    click('views-edit-0');
    const json = screen.getByTestId('views-filter-json') as HTMLTextAreaElement;
    expect(JSON.parse(json.value)).toEqual(odd);
    expect(screen.getByTestId('views-filter').textContent).toContain('The builder cannot show this filter');
    change('views-filter-json', '{"==": [{"var": "stage"}, ');
    expect(screen.getByTestId('views-filter').textContent).toContain('Not valid JSON');
    change('views-filter-json', '{"contains": [{"var": "name"}, "acme"]}');
    expect(last()[0]!.filter).toEqual({ contains: [{ var: 'name' }, 'acme'] });
    click('views-filter-visual');
    expect((within(screen.getByTestId('filter-builder')).getByRole('textbox') as HTMLInputElement).value).toBe('acme');
    click('views-filter-raw');
    change('views-filter-json', '');
    expect(last()[0]).not.toHaveProperty('filter');
  });

  it('shares a view with everyone, chosen roles or one user', async () => {
    const { last } = renderEditor([{ name: 'mine', label: 'Mine' }]);
    click('views-edit-0');
    change('views-visibility-0', 'roles');
    expect(last()[0]!.visibility).toEqual({ type: 'shared', roles: [] });
    await waitFor(() => expect(screen.getByTestId('views-role-sales')).toBeTruthy());
    expect(screen.getByTestId('views-role-support').parentElement!.textContent).toBe('Support');
    click('views-role-support');
    click('views-role-sales');
    expect(last()[0]!.visibility).toEqual({ type: 'shared', roles: ['support', 'sales'] });
    expect(screen.getByTestId('views-row-0').textContent).toContain('Shared with support, sales');
    change('views-visibility-0', 'personal');
    await waitFor(() => expect(last()[0]!.visibility).toEqual({ type: 'personal', owner: ME }));
    change('views-visibility-0', 'everyone');
    expect(last()[0]!.visibility).toEqual({ type: 'shared' });
  });

  it('shows the server issues of a view inline with their codes, and removes a view', () => {
    const issues: DraftIssue[] = [
      { path: '/objects/deal/listViews/1/columns/1', code: 'UNKNOWN_FIELD', message: 'field "gone" does not exist' },
      { path: '/objects/deal/listViews/1/name', code: 'DUPLICATE_VIEW', message: 'list view "a" is defined twice' },
    ];
    const { last } = renderEditor([{ name: 'a', label: 'A' }, { name: 'a', label: 'A2', columns: ['name', 'gone'] }], issues);
    expect(screen.getByTestId('views-row-1').textContent).toContain('2 problems');
    expect(screen.getByTestId('views-row-0').textContent).not.toContain('problems');
    click('views-edit-1');
    const columns = screen.getByTestId('views-columns');
    expect(columns.textContent).toContain('UNKNOWN_FIELD');
    expect(columns.textContent).toContain('This field no longer exists');
    expect(screen.getByTestId('views-editor-1').textContent).toContain('DUPLICATE_VIEW');
    click('views-column-gone');
    expect(last()[1]!.columns).toEqual(['name']);
    click('views-remove-0');
    expect(last()).toEqual([{ name: 'a', label: 'A2', columns: ['name'] }]);
  });
});
