// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fieldDef, widgetElement } from '../form/test-support';
import { NumberWidget } from './number-widget';

afterEach(cleanup);
const input = () => screen.getByRole('textbox') as HTMLInputElement;

describe('NumberWidget', () => {
  it('shows currency in the locale when not focused, the raw number while editing, and emits numbers', () => {
    const onChange = vi.fn();
    const { rerender } = render(widgetElement(NumberWidget, { field: fieldDef('amount', 'currency'), value: 1234.5, onChange }));
    expect(input().value).toBe('$1,234.50');
    fireEvent.focus(input());
    expect(input().value).toBe('1234.5');
    fireEvent.change(input(), { target: { value: '2,500.75' } });
    expect(onChange).toHaveBeenLastCalledWith(2500.75);
    expect(input().value).toBe('2,500.75');
    rerender(widgetElement(NumberWidget, { field: fieldDef('amount', 'currency'), value: 2500.75, onChange }));
    fireEvent.blur(input());
    expect(input().value).toBe('$2,500.75');
  });

  it('formats for Chinese: yuan and grouping', () => {
    render(widgetElement(NumberWidget, { field: fieldDef('amount', 'currency'), value: 1234567.8, locale: 'zh-CN' }));
    expect(input().value).toBe('¥1,234,567.80');
  });

  it('keeps percent in percent units: 12.5 shows as 12.5%, and typing "7%" gives 7', () => {
    const onChange = vi.fn();
    render(widgetElement(NumberWidget, { field: fieldDef('rate', 'percent'), value: 12.5, onChange }));
    expect(input().value).toBe('12.5%');
    fireEvent.focus(input());
    fireEvent.change(input(), { target: { value: '7%' } });
    expect(onChange).toHaveBeenLastCalledWith(7);
  });

  it('emits integers and numbers; an emptied field is no value; text that is no number goes to validation as is', () => {
    const onChange = vi.fn();
    render(widgetElement(NumberWidget, { field: fieldDef('qty', 'integer'), value: 3, onChange }));
    expect(input().getAttribute('inputmode')).toBe('numeric');
    fireEvent.focus(input());
    fireEvent.change(input(), { target: { value: '1,000' } });
    expect(onChange).toHaveBeenLastCalledWith(1000);
    fireEvent.change(input(), { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith(undefined);
    fireEvent.change(input(), { target: { value: 'ten' } });
    expect(onChange).toHaveBeenLastCalledWith('ten');
  });

  it('does not switch to editing when read-only', () => {
    render(widgetElement(NumberWidget, { field: fieldDef('n', 'number'), value: 1234.25, readonly: true }));
    fireEvent.focus(input());
    expect(input().value).toBe('1,234.25');
    expect(input().readOnly).toBe(true);
  });
});
