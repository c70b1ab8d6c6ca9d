// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldDef } from '../api/describe';
import { I18nProvider, makeI18n, type Locale } from '../i18n/i18n';
import { RouterProvider } from '../router/router';
import { CELL_RENDERERS, CellValue, type CellEnv } from './cells';

afterEach(cleanup);

const ACCOUNT = '2b0c4d6e-8f10-4a2b-9c3d-4e5f60718293';
const USER = '40de9a39-6c0e-43b9-bd37-6f25336ab9df';
const field = (type: string, options: Record<string, unknown> = {}): FieldDef => ({ name: 'f', type, label: 'F', required: false, system: false, options });
const STAGE = field('picklist', { values: [{ value: 'won', label: { en: 'Won', 'zh-CN': '赢单' }, color: '#00aa00' }, { value: 'lost', label: { en: 'Lost', 'zh-CN': '输单' } }] });

/** Renders one cell in a locale and answers its element. */
function cell(value: unknown, f: FieldDef, locale: Locale = 'en', names: Record<string, string | null> = {}) {
  const env: CellEnv = {
    i18n: makeI18n(locale, () => undefined),
    lookupName: (target, id) => names[`${target}/${id}`],
    userName: (id) => (id === USER ? 'Li Lei' : undefined),
  };
  const { container } = render(
    <I18nProvider initial={locale}>
      <RouterProvider>
        <div data-testid="cell">
          <CellValue value={value} field={f} env={env} />
        </div>
      </RouterProvider>
    </I18nProvider>,
  );
  return container.querySelector('[data-testid=cell]')!;
}

describe('list cells per field type', () => {
  it('has a renderer for every core field type and the system types', () => {
    const core = ['text', 'textarea', 'integer', 'number', 'currency', 'percent', 'boolean', 'date', 'datetime', 'email', 'phone', 'url', 'picklist', 'multipicklist', 'lookup', 'autonumber', 'formula', 'rollup', 'id', 'user'];
    expect(core.filter((t) => !CELL_RENDERERS[t])).toEqual([]);
  });

  it('text, long text (first line), autonumber; HTML in data stays text', () => {
    expect(cell('上海永安', field('text')).textContent).toBe('上海永安');
    expect(cell('line one\nline two', field('textarea')).textContent).toBe('line one');
    expect(cell('INV-0001', field('autonumber')).textContent).toBe('INV-0001');
    const evil = cell('<img src=x onerror=alert(1)><b>bold</b>', field('text'));
    expect(evil.querySelector('img, b')).toBeNull();
    expect(evil.textContent).toBe('<img src=x onerror=alert(1)><b>bold</b>');
  });

  it('numbers, money and percentages per locale', () => {
    expect(cell(1234567.5, field('number')).textContent).toBe('1,234,567.5');
    expect(cell(42, field('integer')).textContent).toBe('42');
    expect(cell(1234.5, field('currency')).textContent).toBe('$1,234.50');
    expect(cell(1234.5, field('currency'), 'zh-CN').textContent).toBe('¥1,234.50');
    expect(cell(12.5, field('percent')).textContent).toBe('12.5%');
    expect(cell(0, field('number')).textContent).toBe('0');
  });

  it('dates without a time-zone shift, date-times per locale', () => {
    expect(cell('2026-03-15', field('date')).textContent).toBe('03/15/2026');
    expect(cell('2026-03-15', field('date'), 'zh-CN').textContent).toBe('2026/03/15');
    const dt = cell('2026-03-01T08:00:00.000Z', field('datetime')).textContent!;
    expect(dt).toMatch(/^0[23]\/0[12]\/2026, \d\d:\d\d/);
    expect(cell('not a date', field('date')).textContent).toBe('not a date');
  });

  it('booleans as a mark with a spoken label', () => {
    expect(cell(true, field('boolean')).querySelector('[aria-label=Yes]')?.textContent).toBe('✓');
    expect(cell(false, field('boolean'), 'zh-CN').querySelector('[aria-label=否]')?.textContent).toBe('✗');
  });

  it('email, phone and web links; only http(s) addresses become links', () => {
    expect(cell('li@163.com', field('email')).querySelector('a')?.getAttribute('href')).toBe('mailto:li@163.com');
    expect(cell('+86 21 5555-0100', field('phone')).querySelector('a')?.getAttribute('href')).toBe('tel:+862155550100');
    const url = cell('https://example.cn/a', field('url')).querySelector('a')!;
    expect([url.getAttribute('href'), url.getAttribute('target'), url.getAttribute('rel')]).toEqual(['https://example.cn/a', '_blank', 'noopener noreferrer']);
    const bad = cell('javascript:alert(1)', field('url'));
    expect(bad.querySelector('a')).toBeNull();
    expect(bad.textContent).toBe('javascript:alert(1)');
  });

  it('picklist labels in the chosen locale with the value colour; unknown values as they are', () => {
    const won = cell('won', STAGE);
    expect(won.textContent).toBe('Won');
    expect((won.querySelector('.lv-swatch') as HTMLElement).style.background).toContain('#00aa00');
    expect(cell('won', STAGE, 'zh-CN').textContent).toBe('赢单');
    expect(cell('lost', STAGE).querySelector('.lv-swatch')).toBeNull();
    expect(cell('gone', STAGE).textContent).toBe('gone');
  });

  it('multi-select values as chips', () => {
    const tags = field('multipicklist', { values: [{ value: 'a', label: { en: 'Alpha', 'zh-CN': '甲' } }, { value: 'b', label: 'Beta' }] });
    const chips = [...cell(['a', 'b'], tags).querySelectorAll('.lv-chip')].map((c) => c.textContent);
    expect(chips).toEqual(['Alpha', 'Beta']);
    expect([...cell(['a'], tags, 'zh-CN').querySelectorAll('.lv-chip')].map((c) => c.textContent)).toEqual(['甲']);
  });

  it('lookups as the related record’s name linking to it; waiting, or unreadable', () => {
    const lookup = field('lookup', { target: 'account' });
    const link = cell(ACCOUNT, lookup, 'en', { [`account/${ACCOUNT}`]: '上海云杉' }).querySelector('a')!;
    expect(link.textContent).toBe('上海云杉');
    expect(link.getAttribute('href')).toBe(`/app/o/account/${ACCOUNT}`);
    expect(cell(ACCOUNT, lookup).textContent).toBe('…');
    expect(cell(ACCOUNT, lookup, 'en', { [`account/${ACCOUNT}`]: null }).textContent).toBe('(no name)');
  });

  it('users by name when known, else a short id; record ids short', () => {
    expect(cell(USER, field('user')).textContent).toBe('Li Lei');
    expect(cell('0123456789abcdef', field('user')).textContent).toBe('01234567');
    expect(cell(ACCOUNT, field('id')).textContent).toBe('2b0c4d6e');
  });

  it('formulas and roll-ups by the type they give', () => {
    expect(cell(2.5, field('formula', { returns: 'number' })).textContent).toBe('2.5');
    expect(cell('2026-03-15', field('formula', { returns: 'date' })).textContent).toBe('03/15/2026');
    expect(cell(true, field('formula', { returns: 'boolean' })).querySelector('[aria-label=Yes]')).not.toBeNull();
    expect(cell('abc', field('formula', { returns: 'string' })).textContent).toBe('abc');
    expect(cell(1500, field('rollup', { resolved: { kind: 'number' } })).textContent).toBe('1,500');
    expect(cell('2026-01-02', field('rollup', { resolved: { kind: 'date' } })).textContent).toBe('01/02/2026');
  });

  it('empty values and plug-in types', () => {
    for (const empty of [null, undefined, '', []]) expect(cell(empty, field('text')).textContent).toBe('');
    expect(cell('x', field('geo_point')).textContent).toBe('x');
  });
});
