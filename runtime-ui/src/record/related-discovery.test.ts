import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { childFilter, discoverRelatedLists, discoverTimelineSources } from './related-discovery';
import type { RawObject } from './record-types';

const lookup = (name: string, target: string) => ({ name, type: 'lookup', options: { target } });
const OBJECTS: RawObject[] = [
  { name: 'company', fields: [{ name: 'city', type: 'text' }, lookup('parent', 'company')] },
  { name: 'person', fields: [lookup('employer', 'company'), { name: 'birthday', type: 'date' }] },
  { name: 'deal', fields: [lookup('buyer', 'company'), lookup('seller', 'company'), { name: 'close_date', type: 'date', required: true }] },
  { name: 'secret', fields: [lookup('company', 'company'), { name: 'at', type: 'datetime' }] },
  { name: 'visit', fields: [{ name: 'notes', type: 'textarea' }, { name: 'ended_at', type: 'datetime' }, { name: 'at', type: 'datetime', required: true }, lookup('company', 'company'), lookup('person', 'person')] },
];
const ALL = new Set(OBJECTS.map((o) => o.name));

describe('discoverRelatedLists', () => {
  it('finds every lookup of every readable object that points at the object, self-references included', () => {
    expect(discoverRelatedLists('company', undefined, OBJECTS, ALL)).toEqual([
      { object: 'company', field: 'parent' },
      { object: 'person', field: 'employer' },
      { object: 'deal', field: 'buyer' },
      { object: 'deal', field: 'seller' },
      { object: 'secret', field: 'company' },
      { object: 'visit', field: 'company' },
    ]);
  });
  it('leaves out objects the user may not read', () => {
    const readable = new Set(['company', 'person', 'visit']);
    expect(discoverRelatedLists('company', undefined, OBJECTS, readable).map((r) => `${r.object}.${r.field}`)).toEqual(['company.parent', 'person.employer', 'visit.company']);
  });
  it('takes the layout’s related lists when it has them (still only readable objects), even none', () => {
    const layout = { sections: [], headerFields: [], relatedLists: [{ object: 'visit', field: 'company', label: 'Visits', columns: ['at'] }, { object: 'secret', field: 'company' }] };
    expect(discoverRelatedLists('company', layout, OBJECTS, new Set(['visit']))).toEqual([{ object: 'visit', field: 'company', label: 'Visits', columns: ['at'] }]);
    expect(discoverRelatedLists('company', { ...layout, relatedLists: [] }, OBJECTS, ALL)).toEqual([]);
    expect(discoverRelatedLists('company', { sections: [], headerFields: [] }, OBJECTS, ALL)).toHaveLength(6);
  });
  it('finds nothing for an object nobody points at', () => {
    expect(discoverRelatedLists('visit', undefined, OBJECTS, ALL)).toEqual([]);
  });
});

describe('discoverTimelineSources', () => {
  it('picks the most event-like objects: a required date-time beats dates and optional ones', () => {
    expect(discoverTimelineSources('company', OBJECTS, ALL)).toEqual([{ object: 'visit', lookups: ['company'], dateField: 'at' }]);
  });
  it('falls back to the next tier when the best is not readable', () => {
    expect(discoverTimelineSources('company', OBJECTS, new Set(['person', 'deal', 'secret']))).toEqual([{ object: 'deal', lookups: ['buyer', 'seller'], dateField: 'close_date' }]);
    expect(discoverTimelineSources('company', OBJECTS, new Set(['person', 'secret']))).toEqual([{ object: 'secret', lookups: ['company'], dateField: 'at' }]);
    expect(discoverTimelineSources('company', OBJECTS, new Set(['person']))).toEqual([{ object: 'person', lookups: ['employer'], dateField: 'birthday' }]);
  });
  it('needs both a lookup here and a date', () => {
    expect(discoverTimelineSources('person', OBJECTS, ALL)).toEqual([{ object: 'visit', lookups: ['person'], dateField: 'at' }]);
    expect(discoverTimelineSources('visit', OBJECTS, ALL)).toEqual([]);
  });
  it('on crm-core, an account’s timeline is its activities', () => {
    const dir = path.resolve(import.meta.dirname, '../../../metadata/packs/crm-core/objects');
    const crm = readdirSync(dir).map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as RawObject);
    const readable = new Set(crm.map((o) => o.name));
    expect(discoverTimelineSources('account', crm, readable)).toEqual([{ object: 'activity', lookups: ['account'], dateField: 'start_at' }]);
    expect(discoverTimelineSources('opportunity', crm, readable).map((s) => s.object)).toEqual(['activity']);
    expect(discoverRelatedLists('account', undefined, crm, readable).map((r) => r.object).sort()).toEqual(['account', 'activity', 'contact', 'contract', 'lead', 'opportunity', 'payment', 'quote', 'sales_order', 'ticket']);
  });
});

describe('childFilter', () => {
  it('is one equality, or any of several', () => {
    expect(childFilter(['a'], 'x')).toEqual({ '==': [{ var: 'a' }, 'x'] });
    expect(childFilter(['a', 'b'], 'x')).toEqual({ or: [{ '==': [{ var: 'a' }, 'x'] }, { '==': [{ var: 'b' }, 'x'] }] });
  });
});
