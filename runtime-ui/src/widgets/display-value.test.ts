import { describe, expect, it } from 'vitest';
import { makeI18n } from '../i18n/i18n';
import { fieldDef } from '../form/test-support';
import { displayValue, safeHref, valueKind } from './display-value';

const en = makeI18n('en', () => undefined);
const zh = makeI18n('zh-CN', () => undefined);

describe('displayValue: the one text of a field value (list, kanban, record page, form)', () => {
  it('formulas and roll-ups read as the type they give', () => {
    expect(valueKind(fieldDef('t', 'formula', { returns: 'string' }))).toBe('text');
    expect(valueKind(fieldDef('t', 'formula', { returns: 'date' }))).toBe('date');
    expect(valueKind(fieldDef('n', 'rollup', { resolved: { kind: 'number' } }))).toBe('number');
    expect(valueKind(fieldDef('d', 'rollup', { resolved: { kind: 'datetime' } }))).toBe('datetime');
    expect(valueKind(fieldDef('geo', 'geo_point'))).toBe('geo_point');
    expect(displayValue(fieldDef('d', 'rollup', { resolved: { kind: 'date' } }), '2026-01-02', en)).toBe('01/02/2026');
    expect(displayValue(fieldDef('y', 'formula', { returns: 'boolean' }), false, zh)).toBe('否');
  });

  it('numbers, money and percentages per locale, numeric text included; other text as it is', () => {
    expect(displayValue(fieldDef('a', 'currency'), 1234.5, zh)).toBe('¥1,234.50');
    expect(displayValue(fieldDef('a', 'currency'), '1234.5', en)).toBe('$1,234.50');
    expect(displayValue(fieldDef('p', 'percent'), 12.5, en)).toBe('12.5%');
    expect(displayValue(fieldDef('n', 'integer'), 'n/a', en)).toBe('n/a');
  });

  it('dates never shift by a time zone; picklist labels in the locale; empty is empty', () => {
    expect(displayValue(fieldDef('d', 'date'), '2026-03-15', en)).toBe('03/15/2026');
    expect(displayValue(fieldDef('d', 'date'), '2026-03-15T00:00:00Z', zh)).toBe('2026/03/15');
    const tags = fieldDef('tags', 'multipicklist', { values: [{ value: 'vip', label: { en: 'VIP', 'zh-CN': '重要' }, active: true }] });
    expect(displayValue(tags, ['vip', 'gone'], zh)).toBe('重要, gone');
    for (const empty of [null, undefined, '']) expect(displayValue(fieldDef('x', 'text'), empty, en)).toBe('');
    expect(displayValue(fieldDef('x', 'geo_point'), { lat: 1 }, en)).toBe('{"lat":1}');
  });

  it('links only http(s) addresses', () => {
    expect(safeHref('https://example.cn')).toBe('https://example.cn');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
  });
});
