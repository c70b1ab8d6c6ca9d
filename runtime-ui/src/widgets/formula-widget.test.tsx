// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_LIVE } from '../form/live-rules';
import { fieldDef, widgetElement } from '../form/test-support';
import { FormulaWidget } from './formula-widget';
import { ReadOnlyWidget } from './read-only-widget';

afterEach(cleanup);

describe('FormulaWidget', () => {
  const total = fieldDef('total', 'formula', { expression: { '*': [{ var: 'amount' }, { var: 'qty' }] }, returns: 'number' });

  it('shows the live preview the form computed, formatted for the locale', () => {
    render(widgetElement(FormulaWidget, { field: total, runtime: { live: { ...EMPTY_LIVE, formulas: { total: 1234567.5 } } }, locale: 'zh-CN' }));
    expect(screen.getByTestId('formula-total').textContent).toBe('1,234,567.5');
  });

  it('falls back to the stored value when the browser cannot compute it, and says when it is computed on save', () => {
    render(widgetElement(FormulaWidget, { field: total, runtime: { mode: 'update', values: { total: 42 } } }));
    expect(screen.getByTestId('formula-total').textContent).toBe('42');
    cleanup();
    render(widgetElement(FormulaWidget, { field: total, runtime: { mode: 'create', values: {} } }));
    expect(screen.getByTestId('formula-total').textContent).toBe('Computed when saved');
  });

  it('formats by what the formula returns', () => {
    const flag = fieldDef('big', 'formula', { expression: true, returns: 'boolean' });
    render(widgetElement(FormulaWidget, { field: flag, runtime: { live: { ...EMPTY_LIVE, formulas: { big: true } } }, locale: 'zh-CN' }));
    expect(screen.getByTestId('formula-big').textContent).toBe('是');
  });
});

describe('ReadOnlyWidget', () => {
  it('shows autonumbers and roll-ups as stored, and what a new record will get', () => {
    const code = fieldDef('name', 'autonumber', { format: 'OPP-{00000}' });
    render(widgetElement(ReadOnlyWidget, { field: code, runtime: { mode: 'update', values: { name: 'OPP-00042' } } }));
    expect(screen.getByTestId('value-name').textContent).toBe('OPP-00042');
    cleanup();
    render(widgetElement(ReadOnlyWidget, { field: code, runtime: { mode: 'create', values: {} }, locale: 'zh-CN' }));
    expect(screen.getByTestId('value-name').textContent).toBe('保存时生成');
    cleanup();
    const sum = fieldDef('open_amount', 'rollup', { relation: 'deal.account', function: 'sum', field: 'amount' });
    render(widgetElement(ReadOnlyWidget, { field: sum, runtime: { mode: 'update', values: { open_amount: 25000 } } }));
    expect(screen.getByTestId('value-open_amount').textContent).toBe('25,000');
  });

  it('shows system datetimes in the locale', () => {
    const at = { ...fieldDef('created_at', 'datetime'), system: true };
    render(widgetElement(ReadOnlyWidget, { field: at, runtime: { mode: 'update', values: { created_at: '2026-03-01T08:00:00.000Z' } } }));
    expect(screen.getByTestId('value-created_at').textContent).toBe(new Intl.DateTimeFormat('en', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date('2026-03-01T08:00:00.000Z')));
  });
});
