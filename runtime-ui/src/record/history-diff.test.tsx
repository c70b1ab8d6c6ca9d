// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldDef } from '../api/describe';
import { I18nProvider, type Locale } from '../i18n/i18n';
import { RouterProvider } from '../router/router';
import { entryChanges, HistoryDiff, historyRefs, type AuditEntry } from './history-diff';

const field = (name: string, type: string, label: FieldDef['label'], options: Record<string, unknown> = {}): FieldDef => ({ name, type, label, required: false, system: false, options });
const FIELDS: FieldDef[] = [
  field('name', 'text', { en: 'Name', 'zh-CN': '名称' }),
  field('stage', 'picklist', { en: 'Stage', 'zh-CN': '阶段' }, { values: [{ value: 'new', label: { en: 'New', 'zh-CN': '新建' } }, { value: 'won', label: { en: 'Won', 'zh-CN': '赢单' } }] }),
  field('amount', 'currency', { en: 'Amount', 'zh-CN': '金额' }),
  field('account', 'lookup', { en: 'Account', 'zh-CN': '客户' }, { target: 'account' }),
  field('close_date', 'date', { en: 'Close date', 'zh-CN': '结单日期' }),
];
const AT = '2025-03-04T05:06:07.000Z';
const entry = (e: Partial<AuditEntry> & Pick<AuditEntry, 'action' | 'changes'>): AuditEntry => ({ id: 1, at: AT, actor: { id: 'u1', displayName: 'Ada' }, ...e });
const wrap = (children: ReactNode, locale: Locale = 'en') => (
  <I18nProvider initial={locale}>
    <RouterProvider>{children}</RouterProvider>
  </I18nProvider>
);

afterEach(cleanup);

describe('entryChanges', () => {
  it('lists an update field by field in the object order, old and new', () => {
    const e = entry({ action: 'update', changes: { amount: ['10', '20'], stage: ['new', 'won'], version: [1, 2], updated_at: ['a', 'b'] } });
    expect(entryChanges(e, FIELDS)).toEqual([
      { field: 'stage', old: 'new', new: 'won' },
      { field: 'amount', old: '10', new: '20' },
    ]);
  });
  it('lists what a create set (no empty values, no bookkeeping) and nothing for a delete', () => {
    expect(entryChanges(entry({ action: 'create', changes: { id: 'x', name: 'Acme', stage: null, version: 1, gone: 'y' } }), FIELDS)).toEqual([
      { field: 'name', new: 'Acme' },
      { field: 'gone', new: 'y' },
    ]);
    expect(entryChanges(entry({ action: 'delete', changes: { name: 'Acme' } }), FIELDS)).toEqual([]);
  });
  it('finds the records that lookup changes point at', () => {
    const e = entry({ action: 'update', changes: { account: ['a1', 'a2'], name: ['x', 'y'] } });
    expect(historyRefs([e], FIELDS)).toEqual([
      { object: 'account', id: 'a1' },
      { object: 'account', id: 'a2' },
    ]);
  });
});

describe('HistoryDiff', () => {
  it('shows who changed what, old → new, with labels and formatted values', () => {
    const names = { records: new Map([['account:a1', 'Old Co'], ['account:a2', 'New Co']]), users: new Map() };
    const entries = [entry({ id: 2, action: 'update', changes: { stage: ['new', 'won'], amount: [1000, 2500.5], account: ['a1', 'a2'], close_date: [null, '2025-06-30'] } })];
    render(wrap(<HistoryDiff entries={entries} fields={FIELDS} names={names} />));
    const item = screen.getByTestId('history-entry');
    expect(item.querySelector('.rp-history-meta')!.textContent).toContain('Ada changed');
    const stage = item.querySelector('[data-field=stage]')!;
    expect(stage.textContent).toBe('Stage: New → Won');
    expect(item.querySelector('[data-field=amount]')!.textContent).toBe('Amount: $1,000.00 → $2,500.50');
    expect(item.querySelector('[data-field=close_date]')!.textContent).toBe('Close date: — → 06/30/2025');
    const account = within(item.querySelector('[data-field=account]') as HTMLElement);
    expect(account.getByText('Old Co').getAttribute('href')).toBe('/app/o/account/a1');
    expect(account.getByText('New Co').getAttribute('href')).toBe('/app/o/account/a2');
  });

  it('speaks Chinese: field labels and picklist labels in the locale', () => {
    render(wrap(<HistoryDiff entries={[entry({ action: 'update', changes: { stage: ['new', 'won'] } })]} fields={FIELDS} />, 'zh-CN'));
    expect(screen.getByTestId('history-entry').querySelector('[data-field=stage]')!.textContent).toBe('阶段: 新建 → 赢单');
    expect(screen.getByTestId('history-entry').textContent).toContain('修改了');
  });

  it('shows a create with the values set, a removed actor and a system change', () => {
    const entries = [
      entry({ id: 3, action: 'delete', changes: { name: 'Acme' }, actor: null }),
      entry({ id: 1, action: 'create', changes: { name: 'Acme', stage: 'new' }, actor: { id: 'gone' } }),
    ];
    render(wrap(<HistoryDiff entries={entries} fields={FIELDS} />));
    const [deleted, created] = screen.getAllByTestId('history-entry');
    expect(deleted!.textContent).toContain('System deleted the record');
    expect(deleted!.querySelector('li')).toBeNull();
    expect(created!.textContent).toContain('A former user created the record');
    expect([...created!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Name: Acme', 'Stage: New']);
  });

  it('shows HTML in values as text, never as markup', () => {
    render(wrap(<HistoryDiff entries={[entry({ action: 'update', changes: { name: ['<b>x</b>', '<img src=x onerror=alert(1)>'] } })]} fields={FIELDS} />));
    const item = screen.getByTestId('history-entry');
    expect(item.querySelector('img')).toBeNull();
    expect(item.querySelector('[data-field=name]')!.textContent).toBe('Name: <b>x</b> → <img src=x onerror=alert(1)>');
  });
});
