// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fieldDef, stubApi, widgetElement } from '../form/test-support';
import { LOOKUP_DEBOUNCE_MS } from './lookup-search';
import { LookupWidget } from './lookup-widget';

const ACME = '11111111-1111-4111-8111-111111111111';
const YUNSHAN = '22222222-2222-4222-8222-222222222222';
const account = fieldDef('account', 'lookup', { target: 'account' });

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Lets timers fire and fetch promises settle, inside act. */
async function pass(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

function accountsApi() {
  return stubApi((req) => {
    if (req.path === `/records/account/${ACME}`) return { status: 200, body: { id: ACME, name: 'Acme Ltd', version: 1 } };
    if (req.path === '/records/account') {
      const q = req.query.get('q') ?? '';
      const all = [{ id: ACME, name: 'Acme Ltd' }, { id: YUNSHAN, name: '上海云杉科技' }];
      return { status: 200, body: { records: all.filter((r) => r.name.includes(q)) } };
    }
    return undefined;
  });
}

describe('LookupWidget', () => {
  it('shows the current record by name', async () => {
    accountsApi();
    render(widgetElement(LookupWidget, { field: account, value: ACME }));
    await pass(0);
    expect((screen.getByRole('combobox') as HTMLInputElement).value).toBe('Acme Ltd');
  });

  it('searches as you type, debounced, with q, fields=name and limit=10; a click chooses the id', async () => {
    const { calls } = accountsApi();
    const onChange = vi.fn();
    render(widgetElement(LookupWidget, { field: account, onChange }));
    const box = screen.getByRole('combobox') as HTMLInputElement;
    fireEvent.change(box, { target: { value: '云' } });
    fireEvent.change(box, { target: { value: '云杉' } });
    expect(box.value).toBe('云杉');
    await pass(LOOKUP_DEBOUNCE_MS - 1);
    expect(calls.filter((c) => c.path === '/records/account')).toHaveLength(0);
    await pass(1);
    const searches = calls.filter((c) => c.path === '/records/account');
    expect(searches).toHaveLength(1);
    expect(Object.fromEntries(searches[0]!.query)).toEqual({ q: '云杉', fields: 'name', limit: '10' });
    const option = screen.getByRole('option', { name: '上海云杉科技' });
    fireEvent.mouseDown(option);
    expect(onChange).toHaveBeenLastCalledWith(YUNSHAN);
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('chooses with the keyboard and says when nothing matches', async () => {
    accountsApi();
    const onChange = vi.fn();
    render(widgetElement(LookupWidget, { field: account, onChange, locale: 'zh-CN' }));
    const box = screen.getByRole('combobox');
    fireEvent.change(box, { target: { value: 'zzz' } });
    await pass(LOOKUP_DEBOUNCE_MS);
    expect(screen.getByText('无匹配结果')).toBeTruthy();
    fireEvent.change(box, { target: { value: '' } });
    await pass(LOOKUP_DEBOUNCE_MS);
    expect(screen.getAllByRole('option')).toHaveLength(2);
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onChange).toHaveBeenLastCalledWith(YUNSHAN);
  });

  it('clears the value, and is read-only (no search, no clear) when locked', async () => {
    accountsApi();
    const onChange = vi.fn();
    const { rerender } = render(widgetElement(LookupWidget, { field: account, value: ACME, onChange }));
    await pass(0);
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    rerender(widgetElement(LookupWidget, { field: account, value: ACME, onChange, readonly: true }));
    expect(screen.queryByRole('button', { name: 'Clear' })).toBeNull();
    expect((screen.getByRole('combobox') as HTMLInputElement).readOnly).toBe(true);
  });

  it('says so when the search cannot reach the server, and typing is kept', async () => {
    stubApi(() => 'offline');
    render(widgetElement(LookupWidget, { field: account }));
    const box = screen.getByRole('combobox') as HTMLInputElement;
    fireEvent.change(box, { target: { value: 'Ac' } });
    await pass(LOOKUP_DEBOUNCE_MS);
    expect(screen.getByText(/cannot be reached/)).toBeTruthy();
    expect(box.value).toBe('Ac');
  });
});
