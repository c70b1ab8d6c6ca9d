// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FieldDef } from '../api/describe';
import { fieldDef, widgetElement } from '../form/test-support';
import { MultiPicklistWidget } from './multi-picklist-widget';
import { PicklistWidget } from './picklist-widget';

afterEach(cleanup);

const values = (...vs: [string, string, string, boolean?][]) => vs.map(([value, en, zh, active = true]) => ({ value, label: { en, 'zh-CN': zh }, active }));
const province = fieldDef('province', 'picklist', { values: values(['gd', 'Guangdong', '广东'], ['zj', 'Zhejiang', '浙江']) }, { en: 'Province', 'zh-CN': '省份' });
const city = fieldDef('city', 'picklist', { values: values(['gz', 'Guangzhou', '广州'], ['sz', 'Shenzhen', '深圳'], ['hz', 'Hangzhou', '杭州']), controllingField: 'province', dependencies: { gd: ['gz', 'sz'], zj: ['hz'] } }, { en: 'City', 'zh-CN': '城市' });
const defs = new Map<string, FieldDef>([['province', province], ['city', city]]);
const optionTexts = () => [...document.querySelectorAll('option')].map((o) => o.textContent);

describe('PicklistWidget', () => {
  it('offers the active values with labels in the locale and emits the value', () => {
    const onChange = vi.fn();
    const stage = fieldDef('stage', 'picklist', { values: values(['new', 'New', '新建'], ['lost', 'Lost', '输单', false], ['won', 'Won', '赢单']) });
    render(widgetElement(PicklistWidget, { field: stage, value: 'new', onChange, locale: 'zh-CN' }));
    expect(optionTexts()).toEqual(['—', '新建', '赢单']);
    expect((screen.getByRole('combobox') as HTMLSelectElement).value).toBe('new');
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'won' } });
    expect(onChange).toHaveBeenLastCalledWith('won');
    fireEvent.change(screen.getByRole('combobox'), { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('keeps showing an inactive value the record holds, marked', () => {
    const stage = fieldDef('stage', 'picklist', { values: values(['new', 'New', '新建'], ['lost', 'Lost', '输单', false]) });
    render(widgetElement(PicklistWidget, { field: stage, value: 'lost' }));
    expect(optionTexts()).toEqual(['—', 'New', 'Lost (inactive)']);
    expect((screen.getByRole('combobox') as HTMLSelectElement).value).toBe('lost');
  });

  it('narrows a dependent picklist to the controlling value and asks for the controller first', () => {
    const { rerender } = render(widgetElement(PicklistWidget, { field: city, runtime: { values: {}, defs }, locale: 'zh-CN' }));
    expect(optionTexts()).toEqual(['请先选择省份']);
    expect((screen.getByRole('combobox') as HTMLSelectElement).disabled).toBe(true);
    rerender(widgetElement(PicklistWidget, { field: city, runtime: { values: { province: 'gd' }, defs }, locale: 'zh-CN' }));
    expect(optionTexts()).toEqual(['—', '广州', '深圳']);
    rerender(widgetElement(PicklistWidget, { field: city, runtime: { values: { province: 'zj' }, defs }, locale: 'zh-CN' }));
    expect(optionTexts()).toEqual(['—', '杭州']);
    expect((screen.getByRole('combobox') as HTMLSelectElement).disabled).toBe(false);
  });
});

describe('MultiPicklistWidget', () => {
  const tags = fieldDef('tags', 'multipicklist', { values: values(['vip', 'VIP', '重要'], ['new', 'New', '新客户'], ['old', 'Old', '老客户', false]) });

  it('shows chips with labels in the locale and emits the chosen list (none → no value)', () => {
    const onChange = vi.fn();
    const { rerender } = render(widgetElement(MultiPicklistWidget, { field: tags, value: ['vip'], onChange, locale: 'zh-CN' }));
    const boxes = screen.getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => b.parentElement!.textContent)).toEqual(['重要', '新客户']);
    expect(boxes.map((b) => b.checked)).toEqual([true, false]);
    fireEvent.click(boxes[1]!);
    expect(onChange).toHaveBeenLastCalledWith(['vip', 'new']);
    rerender(widgetElement(MultiPicklistWidget, { field: tags, value: ['vip'], onChange, locale: 'zh-CN' }));
    fireEvent.click(screen.getAllByRole('checkbox')[0]!);
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it('keeps an inactive chosen value (it can be removed, not added again)', () => {
    render(widgetElement(MultiPicklistWidget, { field: tags, value: ['old'] }));
    const old = screen.getByLabelText('Old (inactive)') as HTMLInputElement;
    expect(old.checked).toBe(true);
    expect(old.disabled).toBe(false);
  });

  it('narrows as its controlling value changes', () => {
    const dep = fieldDef('areas', 'multipicklist', { values: values(['a', 'A', '甲'], ['b', 'B', '乙']), controllingField: 'province', dependencies: { gd: ['a'], zj: ['a', 'b'] } });
    const { rerender } = render(widgetElement(MultiPicklistWidget, { field: dep, runtime: { values: {}, defs } }));
    expect(screen.getByText('Choose Province first')).toBeTruthy();
    rerender(widgetElement(MultiPicklistWidget, { field: dep, runtime: { values: { province: 'gd' }, defs } }));
    expect(screen.getAllByRole('checkbox').map((b) => (b as HTMLInputElement).value)).toEqual(['a']);
  });
});
