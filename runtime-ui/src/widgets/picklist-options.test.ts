import { describe, expect, it } from 'vitest';
import type { FieldDef } from '../api/describe';
import { allowedValues, clearDisallowedDependents, picklistChoices } from './picklist-options';

const pick = (name: string, values: string[], extra: Record<string, unknown> = {}, inactive: string[] = []): FieldDef => ({
  name,
  type: 'picklist',
  label: name,
  required: false,
  system: false,
  options: { values: values.map((v) => ({ value: v, label: { en: v.toUpperCase(), 'zh-CN': `${v}-zh` }, active: !inactive.includes(v) })), ...extra },
});
const province = pick('province', ['gd', 'zj']);
const city = pick('city', ['gz', 'sz', 'hz', 'nb'], { controllingField: 'province', dependencies: { gd: ['gz', 'sz'], zj: ['hz', 'nb'] } });
const district = pick('district', ['tianhe', 'yuexiu', 'nanshan', 'xihu'], { controllingField: 'city', dependencies: { gz: ['tianhe', 'yuexiu'], sz: ['nanshan'], hz: ['xihu'] } });

describe('picklist options', () => {
  it('offers active values only, but keeps an inactive value the record holds', () => {
    const stage = pick('stage', ['new', 'old', 'won'], {}, ['old']);
    expect(picklistChoices(stage, {}, undefined).map((c) => c.value)).toEqual(['new', 'won']);
    expect(picklistChoices(stage, {}, 'old')).toContainEqual({ value: 'old', label: { en: 'OLD', 'zh-CN': 'old-zh' }, inactive: true });
  });

  it('narrows a dependent picklist to what its controlling value allows (nothing while it is empty)', () => {
    expect(allowedValues(province, {})).toBeUndefined();
    expect([...allowedValues(city, {})!]).toEqual([]);
    expect([...allowedValues(city, { province: 'zj' })!]).toEqual(['hz', 'nb']);
    expect(picklistChoices(city, { province: 'gd' }, undefined).map((c) => c.value)).toEqual(['gz', 'sz']);
    expect(picklistChoices(district, { province: 'gd', city: 'sz' }, undefined).map((c) => c.value)).toEqual(['nanshan']);
  });

  it('clears values a new controlling value no longer allows, down the whole cascade', () => {
    const fields = [province, city, district];
    const before = { province: 'gd', city: 'gz', district: 'tianhe' };
    expect(clearDisallowedDependents(fields, before)).toBe(before);
    expect(clearDisallowedDependents(fields, { ...before, province: 'zj' })).toEqual({ province: 'zj', city: undefined, district: undefined });
    expect(clearDisallowedDependents(fields, { ...before, city: 'sz' })).toEqual({ province: 'gd', city: 'sz', district: undefined });
  });

  it('drops the disallowed items of a dependent multi-select', () => {
    const tags = { ...pick('tags', ['a', 'b', 'c'], { controllingField: 'province', dependencies: { gd: ['a', 'b'], zj: ['c'] } }), type: 'multipicklist' };
    expect(clearDisallowedDependents([province, tags], { province: 'zj', tags: ['a', 'c'] })).toEqual({ province: 'zj', tags: ['c'] });
    expect(clearDisallowedDependents([province, tags], { province: 'zj', tags: ['a'] })).toEqual({ province: 'zj', tags: undefined });
  });
});
