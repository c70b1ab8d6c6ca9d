import { describe, expect, it } from 'vitest';
import { FieldTypeRegistry } from '../field-types/registry';
import type { CompiledObject } from '../metadata/compiled-object';
import type { Field } from '../shared/metadata-types';
import { coerceSubmission } from './coerce-submission';
import { honeypotName } from './honeypot';

const field = (name: string, type: string, options: Record<string, unknown> = {}): Field => ({ name, type, label: { en: name, 'zh-CN': name }, required: false, unique: false, indexed: false, options, system: false, audit: true });
const province = field('province', 'picklist', { values: [{ value: 'gd', label: { en: 'Guangdong', 'zh-CN': '广东' }, active: true }, { value: 'old', label: { en: 'Old', 'zh-CN': '旧' }, active: false }] });
const fields = [field('employees', 'integer'), field('budget', 'currency'), field('ok', 'boolean'), field('day', 'date'), field('at', 'datetime'), province, field('tags', 'multipicklist', { values: [{ value: 'crm', label: { en: 'CRM', 'zh-CN': '客户管理' }, active: true }] }), field('notes', 'textarea'), field('score', 'formula', { returns: 'number' })];
/** Just what coercion reads of a compiled object: its fields and which are writable. */
const obj = { fields: new Map(fields.map((f) => [f.name, f])), writable: new Map(fields.filter((f) => f.type !== 'formula').map((f) => [f.name, f])) } as unknown as CompiledObject;
const registry = new FieldTypeRegistry();
const all = fields.map((f) => ({ field: f.name, required: false }));

describe('coerceSubmission', () => {
  it('reads form text as each type', () => {
    const { payload, issues } = coerceSubmission(obj, registry, all, {
      employees: ' 1,200 ', budget: '９９５０.５', ok: '是', day: '2026/3/7', at: '2026-03-07T09:30', province: ' 广东 ', tags: ['客户管理', 'crm'], notes: 'a\r\nb ', score: '99', owner_id: 'x',
    });
    expect(issues).toEqual([]);
    expect(payload).toEqual({ employees: 1200, budget: 9950.5, ok: true, day: '2026-03-07', at: '2026-03-07T09:30:00Z', province: 'gd', tags: ['crm'], notes: 'a\nb' });
  });

  it('leaves what it cannot read for the record schema to refuse, skips empty inputs, and names missing required ones', () => {
    const { payload, issues } = coerceSubmission(obj, registry, [...all.slice(0, 5), { field: 'province', required: true }], { employees: 'many', ok: 'maybe', day: '', at: '   ' });
    expect(payload).toEqual({ employees: 'many', ok: 'maybe' });
    expect(issues).toEqual([{ path: '/province', code: 'FIELD_REQUIRED', message: 'is required' }]);
    // An inactive value is not matched by its label: the schema refuses it.
    expect(coerceSubmission(obj, registry, all, { province: '旧' }).payload).toEqual({ province: '旧' });
  });
});

describe('honeypotName', () => {
  it('is a tempting name that is not a field of the object', () => {
    expect(honeypotName(['name', 'email'])).toBe('website_url');
    expect(honeypotName(['website_url'])).toBe('homepage_url');
    expect(honeypotName(['website_url', 'homepage_url', 'company_website_url', 'web_address', 'personal_homepage', 'website_url_2'])).toBe('website_url_3');
  });
});
