// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Describe } from '../api/describe';
import { I18nProvider } from '../i18n/i18n';
import { RouterProvider } from '../router/router';
import { SessionProvider } from '../shell/session';
import { KanbanBoard } from './kanban-board';
import { columnsFor, moveCard } from './kanban-model';

const DESCRIBE: Describe = {
  version: 1,
  object: {
    name: 'opportunity',
    label: 'Opportunity',
    pluralLabel: 'Opportunities',
    fields: [
      { name: 'id', type: 'id', label: 'ID', required: true, system: true, options: {} },
      { name: 'name', type: 'text', label: 'Name', required: true, system: true, options: {} },
      { name: 'stage', type: 'picklist', label: 'Stage', required: false, system: false, options: { values: [{ value: 'open', label: { en: 'Open', 'zh-CN': '进行中' }, active: true, color: '#336699' }, { value: 'won', label: { en: 'Won', 'zh-CN': '赢单' }, active: true }, { value: 'old', label: 'Old', active: false }] } },
      { name: 'amount', type: 'currency', label: 'Amount', required: false, system: false, options: {} },
    ],
    validationRules: [],
    listViews: [],
    sharing: 'publicReadWrite',
  },
  access: { create: true, read: true, edit: true, delete: true, viewAll: true, modifyAll: true, fields: {} },
};

const rec = (id: string, stage: string, amount: number | null, version = 1) => ({ id, name: `Deal ${id}`, stage, amount, version });

/** A fake server: the aggregate, one page per column, and PATCH answers chosen per test. */
function serve(patchAnswer: (body: Record<string, unknown>) => { status: number; body: unknown }) {
  const patches: { url: string; body: Record<string, unknown> }[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://app.test');
      if (url.pathname === '/api/v1/auth/me') return json(200, { id: 'u1', email: 'a@b.c', displayName: 'Ann', isAdmin: false, locale: 'en', tenant: 't' });
      if (url.pathname.endsWith('/aggregate')) return json(200, { groups: [{ value: 'open', count: 2, sum: 300 }, { value: 'won', count: 1, sum: 50 }, { value: 'old', count: 1, sum: null }] });
      if (init?.method === 'PATCH') {
        const body = JSON.parse(String(init.body)) as Record<string, unknown>;
        patches.push({ url: url.pathname, body });
        const a = patchAnswer(body);
        return json(a.status, a.body);
      }
      const filter = JSON.parse(url.searchParams.get('filter')!) as { '==': [unknown, string] };
      const stage = filter['=='][1];
      const records = { open: [rec('a', 'open', 100), rec('b', 'open', 200)], won: [rec('c', 'won', 50)], old: [rec('d', 'old', null)] }[stage] ?? [];
      return json(200, { records });
    }),
  );
  return patches;
}

const column = (title: string) => screen.getByRole('region', { name: title });
const cardNames = (title: string) => within(column(title)).queryAllByTestId('kanban-card').map((c) => c.querySelector('.kb-name')!.textContent);

async function renderBoard(describe: Describe = DESCRIBE) {
  render(
    <I18nProvider initial="en">
      <RouterProvider>
        <SessionProvider>
          <KanbanBoard describe={describe} />
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>,
  );
  await waitFor(() => expect(cardNames('Open')).toEqual(['Deal a', 'Deal b']));
}

beforeEach(() => window.history.replaceState(null, '', '/app/o/opportunity/kanban'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('kanban', () => {
  it('shows one column per active value, plus deactivated values still held, with counts and totals', async () => {
    serve(() => ({ status: 500, body: {} }));
    await renderBoard();
    expect(screen.getAllByTestId('kanban-column').map((c) => c.getAttribute('aria-label'))).toEqual(['Open', 'Won', 'Old']);
    expect(within(column('Open')).getByTestId('kanban-count').textContent).toBe('2');
    expect(within(column('Open')).getByTestId('kanban-sum').textContent).toBe('$300.00');
    expect(within(column('Won')).getByTestId('kanban-sum').textContent).toBe('$50.00');
    // Cards cannot be moved into a deactivated value.
    const menu = within(column('Open')).getAllByTestId('kanban-move')[0]!;
    expect([...menu.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Move to…', 'Won']);
  });

  it('a move the server refuses snaps back to its place and shows the server’s message', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const patches = serve(() => ({ status: 400, body: { error: { code: 'RECORD_RULE_VIOLATION', message: 'A won deal needs a signed contract', details: { rule: 'contract', issues: [] } } } }));
    const slowFetch = globalThis.fetch as ReturnType<typeof vi.fn>;
    const answer = slowFetch.getMockImplementation()! as (input: string, init?: RequestInit) => Promise<Response>;
    slowFetch.mockImplementation(async (input: string, init?: RequestInit) => (init?.method === 'PATCH' ? held.then(() => answer(input, init)) : answer(input, init)));
    await renderBoard();

    fireEvent.change(within(column('Open')).getAllByTestId('kanban-move')[0]!, { target: { value: 'won' } });
    // At once on screen, before the server answers.
    expect(cardNames('Won')).toEqual(['Deal a', 'Deal c']);
    expect(cardNames('Open')).toEqual(['Deal b']);
    expect(within(column('Won')).getByTestId('kanban-sum').textContent).toBe('$150.00');

    await act(async () => release());
    await waitFor(() => expect(screen.getByTestId('kanban-refused').textContent).toContain('A won deal needs a signed contract'));
    expect(cardNames('Open')).toEqual(['Deal a', 'Deal b']);
    expect(cardNames('Won')).toEqual(['Deal c']);
    expect(within(column('Open')).getByTestId('kanban-count').textContent).toBe('2');
    expect(within(column('Open')).getByTestId('kanban-sum').textContent).toBe('$300.00');
    expect(within(column('Won')).getByTestId('kanban-sum').textContent).toBe('$50.00');
    expect(patches).toEqual([{ url: '/api/v1/records/opportunity/a', body: { stage: 'won', version: 1 } }]);
  });

  it('an accepted move keeps the card in its new column with the new version', async () => {
    const patches = serve((body) => ({ status: 200, body: { ...rec('b', String(body.stage), 200, 2) } }));
    await renderBoard();
    fireEvent.change(within(column('Open')).getAllByTestId('kanban-move')[1]!, { target: { value: 'won' } });
    await waitFor(() => expect(patches).toHaveLength(1));
    await waitFor(() => expect(cardNames('Won')).toEqual(['Deal b', 'Deal c']));
    expect(screen.queryByTestId('kanban-refused')).toBeNull();
    expect(within(column('Won')).getByTestId('kanban-count').textContent).toBe('2');
    // A second move sends the version the first one returned.
    fireEvent.change(within(column('Won')).getAllByTestId('kanban-move')[0]!, { target: { value: 'open' } });
    await waitFor(() => expect(patches[1]?.body).toEqual({ stage: 'open', version: 2 }));
  });
  it('offers no moves to a user who may not change the field', async () => {
    serve(() => ({ status: 500, body: {} }));
    await renderBoard({ ...DESCRIBE, access: { ...DESCRIBE.access, fields: { stage: 'read' } } });
    expect(screen.queryAllByTestId('kanban-move')).toEqual([]);
    expect(screen.getAllByTestId('kanban-card')[0]!.getAttribute('aria-disabled')).toBe('true');
  });
});

describe('kanban model', () => {
  it('moves a card and back to the same place, counts and sums restored', () => {
    const field = DESCRIBE.object.fields[2]!;
    const start = columnsFor(field, [{ value: 'open', count: 2, sum: 0.3 }, { value: 'won', count: 0, sum: null }], true).map((c) => (c.key === 'open' ? { ...c, cards: [rec('x', 'open', 0.1), rec('y', 'open', 0.2)] } : c));
    const moved = moveCard(start, 'y', 'won', 'stage', 'amount');
    expect(moved.find((c) => c.key === 'won')).toMatchObject({ count: 1, sum: 0.2, cards: [{ id: 'y', stage: 'won' }] });
    const back = moveCard(moved, 'y', 'open', 'stage', 'amount', 1);
    expect(back.find((c) => c.key === 'open')).toMatchObject({ count: 2, sum: 0.3, cards: [{ id: 'x' }, { id: 'y', stage: 'open' }] });
    expect(back.find((c) => c.key === 'won')).toMatchObject({ count: 0, sum: 0 });
  });
});
