// @vitest-environment happy-dom
import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fieldDef, widgetElement } from '../form/test-support';
import { DateWidget } from './date-widget';

afterEach(cleanup);
const input = () => document.querySelector('input') as HTMLInputElement;

describe('DateWidget', () => {
  it('is a date picker holding YYYY-MM-DD', () => {
    const onChange = vi.fn();
    render(widgetElement(DateWidget, { field: fieldDef('close_date', 'date'), value: '2026-03-15', onChange }));
    expect(input().type).toBe('date');
    expect(input().value).toBe('2026-03-15');
    fireEvent.change(input(), { target: { value: '2026-04-01' } });
    expect(onChange).toHaveBeenLastCalledWith('2026-04-01');
    fireEvent.change(input(), { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('is a datetime picker in local time that stores ISO UTC', () => {
    const onChange = vi.fn();
    const stored = new Date(2026, 2, 1, 16, 45).toISOString();
    render(widgetElement(DateWidget, { field: fieldDef('meet_at', 'datetime'), value: stored, onChange }));
    expect(input().type).toBe('datetime-local');
    expect(input().value).toBe('2026-03-01T16:45');
    fireEvent.change(input(), { target: { value: '2026-03-02T09:05' } });
    expect(onChange).toHaveBeenLastCalledWith(new Date(2026, 2, 2, 9, 5).toISOString());
    expect(onChange.mock.lastCall![0]).toMatch(/Z$/);
  });

  it('shows a read-only date in the locale', () => {
    render(widgetElement(DateWidget, { field: fieldDef('close_date', 'date'), value: '2026-03-15', readonly: true, locale: 'zh-CN' }));
    expect(input().value).toBe('2026/03/15');
    cleanup();
    render(widgetElement(DateWidget, { field: fieldDef('close_date', 'date'), value: '2026-03-15', readonly: true }));
    expect(input().value).toBe('03/15/2026');
  });
});
