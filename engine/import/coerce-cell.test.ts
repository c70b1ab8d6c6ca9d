import { describe, expect, it } from 'vitest';
import type { Field } from '../shared/metadata-types';
import { coerceCell, parseDate, parseDateTime, parseNumber, picklistIndex } from './coerce-cell';
import { decodeFile } from './decode-file';
import { matchKey } from './import-mapping';
import { parseCsv } from './parse-csv';
import { columnName, excelSerial } from '../export/xlsx-writer';

const field = (type: string, options: Record<string, unknown> = {}): Field => ({ name: 'f', type, label: { en: 'F', 'zh-CN': '字段' }, required: false, unique: false, indexed: false, options, system: false, audit: true });

describe('cells', () => {
  it('numbers with thousands separators, currency signs and percent; not misgrouped ones', () => {
    expect(['1,234.50', '¥12,000', '12%', '-3', '.5', '1 234'].map(parseNumber)).toEqual([1234.5, 12000, 12, -3, 0.5, 1234]);
    expect(['1,23', 'abc', '', '1.2.3'].map(parseNumber)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('dates as YYYY-MM-DD or YYYY/MM/DD, real days only; date-times as UTC', () => {
    expect(['2024-03-05', '2024/3/5', '2024.12.31'].map(parseDate)).toEqual(['2024-03-05', '2024-03-05', '2024-12-31']);
    expect(['2024-02-30', '05/03/2024', '2024-13-01'].map(parseDate)).toEqual([undefined, undefined, undefined]);
    expect(parseDateTime('2024/3/5 9:07')).toBe('2024-03-05T09:07:00.000Z');
    expect(parseDateTime('2024-03-05T09:07:00+08:00')).toBe('2024-03-05T01:07:00.000Z');
  });

  it('booleans in English and Chinese; picklists by value or label in either language; multi-select split on ; or ,', () => {
    const yes = ['true', 'YES', '是', '1'].map((v) => coerceCell(field('boolean'), v, undefined, 'en'));
    expect(yes).toEqual(Array(4).fill({ value: true }));
    expect(coerceCell(field('boolean'), '否', undefined, 'en')).toEqual({ value: false });
    const pick = field('picklist', { values: [{ value: 'hot_lead', label: { en: 'Hot Lead', 'zh-CN': '热门' }, active: true }] });
    const index = picklistIndex(pick);
    expect(['hot_lead', 'hot lead', '热门'].map((v) => coerceCell(pick, v, index, 'en'))).toEqual(Array(3).fill({ value: 'hot_lead' }));
    expect(coerceCell(pick, 'cold', index, 'zh-CN')).toEqual({ error: '字段: "cold" is not one of the values' });
    const multi = field('multipicklist', { values: [{ value: 'a', label: { en: 'Alpha', 'zh-CN': '甲' }, active: true }, { value: 'b', label: { en: 'Beta', 'zh-CN': '乙' }, active: true }] });
    expect(coerceCell(multi, 'Alpha; 乙，a', picklistIndex(multi), 'en')).toEqual({ value: ['a', 'b'] });
  });

  it('match keys ignore case, spaces and punctuation (full-width too)', () => {
    expect(['Company Name', 'company_name', 'COMPANY-NAME', 'Ｃｏｍｐａｎｙ　Name'].map(matchKey)).toEqual(Array(4).fill('companyname'));
    expect(matchKey('客户 名称')).toBe('客户名称');
  });
});

describe('files', () => {
  it('UTF-8 with BOM, GBK by auto-detection, line numbers across quoted newlines', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a\nx\n')]);
    expect(decodeFile(bom, 'auto')).toEqual({ text: 'a\nx\n', encoding: 'utf-8' });
    expect(decodeFile(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]), 'auto')).toEqual({ text: '你好', encoding: 'gbk' });
    expect(parseCsv('a,b\n1,"x\ny"\n\n2,3\n').rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it('xlsx column names and date serials', () => {
    expect([0, 25, 26, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
    expect(excelSerial(Date.UTC(2024, 2, 5))).toBe(45356);
    expect(excelSerial(Date.UTC(1900, 0, 1, 12))).toBe(2.5);
  });
});
