// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fieldDef, widgetElement } from '../form/test-support';
import { BooleanWidget } from './boolean-widget';
import { TextWidget } from './text-widget';

afterEach(cleanup);

describe('TextWidget', () => {
  it('renders the value and emits what is typed; emptied text is no value', () => {
    const onChange = vi.fn();
    render(widgetElement(TextWidget, { field: fieldDef('city', 'text'), value: '上海', onChange }));
    const input = screen.getByRole('textbox') as HTMLInputElement;
    expect(input.value).toBe('上海');
    fireEvent.change(input, { target: { value: '杭州' } });
    expect(onChange).toHaveBeenLastCalledWith('杭州');
    fireEvent.change(input, { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('uses the input type of email, phone and url, and a text area for long text', () => {
    const { unmount } = render(widgetElement(TextWidget, { field: fieldDef('email', 'email'), value: 'li@163.com' }));
    expect(screen.getByRole('textbox').getAttribute('type')).toBe('email');
    unmount();
    render(widgetElement(TextWidget, { field: fieldDef('phone', 'phone') }));
    expect(screen.getByRole('textbox').getAttribute('type')).toBe('tel');
    cleanup();
    render(widgetElement(TextWidget, { field: fieldDef('site', 'url') }));
    expect(screen.getByRole('textbox').getAttribute('type')).toBe('url');
    cleanup();
    render(widgetElement(TextWidget, { field: fieldDef('notes', 'textarea', { maxLength: 500 }), value: 'line 1\nline 2' }));
    const area = screen.getByRole('textbox') as HTMLTextAreaElement;
    expect(area.tagName).toBe('TEXTAREA');
    expect(area.value).toBe('line 1\nline 2');
  });

  it('shows HTML in data as text, and is read-only when the form says so (readOnlyWhen)', () => {
    render(widgetElement(TextWidget, { field: fieldDef('city', 'text'), value: '<img src=x onerror=alert(1)>', runtime: { live: { hidden: new Set(), required: new Set(), readOnly: new Set(['city']), formulas: {}, violations: [] } } }));
    const input = screen.getByRole('textbox') as HTMLInputElement;
    expect(input.value).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
    expect(input.readOnly).toBe(true);
  });
});

describe('BooleanWidget', () => {
  it('renders the value and emits true / false', () => {
    const onChange = vi.fn();
    render(widgetElement(BooleanWidget, { field: fieldDef('vip', 'boolean'), value: false, onChange, locale: 'zh-CN' }));
    const box = screen.getByRole('checkbox') as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(screen.getByText('否')).toBeTruthy();
    fireEvent.click(box);
    expect(onChange).toHaveBeenLastCalledWith(true);
  });

  it('is disabled when read-only', () => {
    render(widgetElement(BooleanWidget, { field: fieldDef('vip', 'boolean'), value: true, readonly: true }));
    expect((screen.getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('Yes')).toBeTruthy();
  });
});
