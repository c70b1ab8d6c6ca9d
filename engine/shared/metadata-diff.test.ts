import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './metadata-diff';
import type { RawObjectDef, RawSnapshot, RawValueSet } from './metadata-types';

const pack = join(dirname(fileURLToPath(import.meta.url)), '../../metadata/packs/crm-core');
const read = <T>(file: string): T => JSON.parse(readFileSync(join(pack, file), 'utf8')) as T;
const opportunity = read<RawObjectDef>('objects/opportunity.json');
const stage = read<RawValueSet>('value-sets/opportunity_stage.json');
const base: RawSnapshot = { objects: { opportunity }, valueSets: { opportunity_stage: stage } };

/** A deep copy of the pack's snapshot, edited. */
function edited(edit: (s: RawSnapshot) => void): RawSnapshot {
  const s = structuredClone(base);
  edit(s);
  return s;
}
const opp = (s: RawSnapshot) => s.objects.opportunity!;
const field = (s: RawSnapshot, name: string) => opp(s).fields.find((f) => f.name === name)!;

describe('diffSnapshots', () => {
  it('finds nothing between equal snapshots, whatever the key order', () => {
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    const reordered = reverseKeys(base) as RawSnapshot;
    expect(Object.keys(reordered.objects.opportunity!)[0]).not.toBe('name');
    expect(diffSnapshots(base, structuredClone(base))).toEqual([]);
    expect(diffSnapshots(base, reordered)).toEqual([]);
  });

  it('reports objects and value sets added and removed', () => {
    const gadget: RawObjectDef = { name: 'gadget', label: { en: 'Gadget', 'zh-CN': '小工具' }, fields: [] };
    const after = edited((s) => {
      delete s.objects.opportunity;
      s.objects.gadget = gadget;
      delete s.valueSets.opportunity_stage;
    });
    expect(diffSnapshots(base, after)).toEqual([
      { kind: 'removed', path: '/objects/opportunity', object: 'opportunity', what: 'object', before: opportunity.label },
      { kind: 'added', path: '/objects/gadget', object: 'gadget', what: 'object', after: gadget.label },
      { kind: 'removed', path: '/valueSets/opportunity_stage', valueSet: 'opportunity_stage', what: 'valueSet', before: stage.label },
    ]);
  });

  it('matches fields by name: inserting one field is one addition, not a change of every later field', () => {
    const notes = { name: 'notes', type: 'textarea', label: { en: 'Notes', 'zh-CN': '备注' } };
    const after = edited((s) => opp(s).fields.splice(2, 0, notes));
    expect(diffSnapshots(base, after)).toEqual([{ kind: 'added', path: '/objects/opportunity/fields/notes', object: 'opportunity', field: 'notes', what: 'field', after: notes }]);
  });

  it('reports a removed field with its definition and a reordering of the kept fields', () => {
    const after = edited((s) => {
      const fields = opp(s).fields.filter((f) => f.name !== 'competitor');
      opp(s).fields = [fields[1]!, fields[0]!, ...fields.slice(2)];
    });
    const changes = diffSnapshots(base, after);
    expect(changes.map((c) => [c.kind, c.what, c.path])).toEqual([
      ['removed', 'field', '/objects/opportunity/fields/competitor'],
      ['changed', 'fieldOrder', '/objects/opportunity/fields'],
    ]);
    expect(changes[0]!.before).toEqual(field(base, 'competitor'));
  });

  it('reports object properties: label per locale, sharing (with its default), description, name field', () => {
    const after = edited((s) => {
      opp(s).label = { en: 'Deal', 'zh-CN': '商机' };
      opp(s).sharing = undefined;
      opp(s).description = undefined;
      opp(s).nameField = { ...opp(s).nameField, type: 'autonumber', format: 'OPP-{0000}' };
    });
    expect(diffSnapshots(base, after)).toEqual([
      { kind: 'changed', path: '/objects/opportunity/label/en', object: 'opportunity', locale: 'en', what: 'label', before: 'Opportunity', after: 'Deal' },
      { kind: 'removed', path: '/objects/opportunity/description/en', object: 'opportunity', locale: 'en', what: 'description', before: 'Potential deals tracked through the sales pipeline.' },
      { kind: 'removed', path: '/objects/opportunity/description/zh-CN', object: 'opportunity', locale: 'zh-CN', what: 'description', before: '销售漏斗中跟进的潜在交易。' },
      { kind: 'changed', path: '/objects/opportunity/sharing', object: 'opportunity', what: 'sharing', before: 'private', after: 'publicReadWrite' },
      { kind: 'changed', path: '/objects/opportunity/nameField/type', object: 'opportunity', key: 'type', what: 'nameField', before: 'text', after: 'autonumber' },
      { kind: 'added', path: '/objects/opportunity/nameField/format', object: 'opportunity', key: 'format', what: 'nameField', after: 'OPP-{0000}' },
    ]);
  });

  it('reports each changed property of a field: type, label in one locale, flags, options by key', () => {
    const after = edited((s) => {
      const amount = field(s, 'amount');
      amount.label = { en: 'Amount', 'zh-CN': '金额' };
      amount.required = true;
      amount.options = { precision: 20, scale: 2, currency: 'CNY' };
      field(s, 'next_step').type = 'textarea';
      field(s, 'close_date').indexed = undefined;
    });
    expect(diffSnapshots(base, after)).toEqual([
      { kind: 'changed', path: '/objects/opportunity/fields/amount/label/zh-CN', object: 'opportunity', field: 'amount', locale: 'zh-CN', what: 'label', before: '预计金额', after: '金额' },
      { kind: 'changed', path: '/objects/opportunity/fields/amount/required', object: 'opportunity', field: 'amount', what: 'required', before: false, after: true },
      { kind: 'changed', path: '/objects/opportunity/fields/amount/options/precision', object: 'opportunity', field: 'amount', key: 'precision', what: 'option', before: 18, after: 20 },
      { kind: 'removed', path: '/objects/opportunity/fields/amount/options/min', object: 'opportunity', field: 'amount', key: 'min', what: 'option', before: 0 },
      { kind: 'added', path: '/objects/opportunity/fields/amount/options/currency', object: 'opportunity', field: 'amount', key: 'currency', what: 'option', after: 'CNY' },
      { kind: 'changed', path: '/objects/opportunity/fields/close_date/indexed', object: 'opportunity', field: 'close_date', what: 'indexed', before: true, after: false },
      { kind: 'changed', path: '/objects/opportunity/fields/next_step/type', object: 'opportunity', field: 'next_step', what: 'type', before: 'text', after: 'textarea' },
    ]);
  });

  it('reports picklist values added, removed, relabelled, deactivated and reordered, in fields and value sets', () => {
    const after = edited((s) => {
      const type = field(s, 'type');
      const values = type.options!.values as { value: string; label: unknown; active?: boolean }[];
      values[0]!.label = { en: 'New Business', 'zh-CN': '新业务' };
      values[2]!.active = false;
      values.splice(1, 1);
      values.push({ value: 'upsell', label: 'Upsell' });
      const vs = s.valueSets.opportunity_stage!;
      vs.values = [vs.values[1]!, vs.values[0]!, ...vs.values.slice(2)];
      vs.values[0]!.probability = 25;
    });
    const changes = diffSnapshots(base, after);
    expect(changes.map((c) => [c.kind, c.what, c.path, c.before, c.after])).toEqual([
      ['removed', 'picklistValue', '/objects/opportunity/fields/type/options/values/existing_business', { value: 'existing_business', label: { en: 'Existing Business', 'zh-CN': '老客户增购' } }, undefined],
      ['added', 'picklistValue', '/objects/opportunity/fields/type/options/values/upsell', undefined, { value: 'upsell', label: 'Upsell' }],
      ['changed', 'picklistValueLabel', '/objects/opportunity/fields/type/options/values/new_business/label/zh-CN', '新客户', '新业务'],
      ['changed', 'picklistValueActive', '/objects/opportunity/fields/type/options/values/renewal/active', true, false],
      ['changed', 'picklistValueProperty', '/valueSets/opportunity_stage/values/qualification/probability', 20, 25],
      ['changed', 'picklistValueOrder', '/valueSets/opportunity_stage/values', stage.values.map((v) => v.value), ['qualification', 'prospecting', ...stage.values.slice(2).map((v) => v.value)]],
    ]);
    expect(changes[0]).toMatchObject({ object: 'opportunity', field: 'type', item: 'existing_business' });
    expect(changes[4]).toMatchObject({ valueSet: 'opportunity_stage', item: 'qualification', key: 'probability' });
  });

  it('reports dependencies per controlling value, formula expressions and field conditions', () => {
    const before = edited((s) => {
      field(s, 'lost_reason').options = { ...field(s, 'lost_reason').options, controllingField: 'stage', dependencies: { closed_lost: ['price'], negotiation: ['price'] } };
      opp(s).fields.push({ name: 'weighted', type: 'formula', label: 'Weighted', options: { returns: 'number', expression: { '*': [{ var: 'amount' }, 0.5] } } });
    });
    const after = structuredClone(before);
    field(after, 'lost_reason').options!.dependencies = { closed_lost: ['price', 'timing'], negotiation: ['price'], proposal: [] };
    field(after, 'lost_reason').visibleWhen = { '==': [{ var: 'stage' }, 'closed_lost'] };
    field(after, 'weighted').options!.expression = { '*': [{ var: 'amount' }, { var: 'probability' }] };
    expect(diffSnapshots(before, after).map((c) => [c.kind, c.what, c.key, c.path])).toEqual([
      ['added', 'condition', 'visibleWhen', '/objects/opportunity/fields/lost_reason/visibleWhen'],
      ['changed', 'dependencies', 'closed_lost', '/objects/opportunity/fields/lost_reason/options/dependencies/closed_lost'],
      ['added', 'dependencies', 'proposal', '/objects/opportunity/fields/lost_reason/options/dependencies/proposal'],
      ['changed', 'expression', undefined, '/objects/opportunity/fields/weighted/options/expression'],
    ]);
  });

  it('matches validation rules and list views by name', () => {
    const rule = (name: string, limit: number) => ({ name, condition: { '<': [{ var: 'amount' }, limit] }, message: { en: 'Too small', 'zh-CN': '太小' } });
    const before = edited((s) => {
      opp(s).validationRules = [rule('min_amount', 0), rule('old_rule', 1)];
      opp(s).listViews = [{ name: 'mine', label: 'Mine', columns: ['name', 'amount'] }];
    });
    const after = edited((s) => {
      opp(s).validationRules = [rule('new_rule', 2), { ...rule('min_amount', 10), active: false }];
      opp(s).listViews = [{ name: 'mine', label: { en: 'Mine', 'zh-CN': '我的' }, columns: ['name', 'stage'] }, { name: 'big', label: 'Big deals' }];
    });
    expect(diffSnapshots(before, after).map((c) => [c.kind, c.what, c.item, c.path])).toEqual([
      ['removed', 'validationRule', 'old_rule', '/objects/opportunity/validationRules/old_rule'],
      ['added', 'validationRule', 'new_rule', '/objects/opportunity/validationRules/new_rule'],
      ['changed', 'ruleCondition', 'min_amount', '/objects/opportunity/validationRules/min_amount/condition'],
      ['changed', 'ruleActive', 'min_amount', '/objects/opportunity/validationRules/min_amount/active'],
      ['added', 'listView', 'big', '/objects/opportunity/listViews/big'],
      ['changed', 'listViewLabel', 'mine', '/objects/opportunity/listViews/mine/label/zh-CN'],
      ['changed', 'listViewColumns', 'mine', '/objects/opportunity/listViews/mine/columns'],
    ]);
  });

  it('reports layout moves between sections, reorders within one, relabelled and added sections', () => {
    const before = edited((s) => {
      opp(s).layout = {
        sections: [
          { label: { en: 'Main', 'zh-CN': '主要' }, fields: ['name', 'account', 'amount', 'stage'] },
          { label: 'Other', columns: 1, fields: ['next_step', 'competitor'] },
        ],
      };
    });
    const after = edited((s) => {
      opp(s).layout = {
        sections: [
          { label: { en: 'Main', 'zh-CN': '主要' }, fields: ['name', 'stage', 'account'] },
          { label: 'More', columns: 1, fields: ['competitor', 'next_step', 'amount'] },
          { label: 'Dates', fields: ['close_date'] },
        ],
        headerFields: ['stage'],
      };
    });
    expect(diffSnapshots(before, after).map((c) => [c.kind, c.what, c.item ?? c.field, c.before, c.after])).toEqual([
      ['added', 'layoutSection', 'Dates', undefined, { label: 'Dates', fields: ['close_date'] }],
      ['changed', 'layoutSectionLabel', 'More', 'Other', 'More'],
      ['changed', 'layoutField', 'amount', 'Main', 'More'],
      ['added', 'layoutField', 'close_date', undefined, 'Dates'],
      ['changed', 'layoutOrder', 'Main', ['name', 'account', 'amount', 'stage'], ['name', 'stage', 'account']],
      ['changed', 'layoutOrder', 'More', ['next_step', 'competitor'], ['competitor', 'next_step', 'amount']],
      ['added', 'layoutHeaderFields', undefined, undefined, ['stage']],
    ]);
  });

  it('reports indexes by their fields, and a layout or index set appearing', () => {
    const after = edited((s) => {
      opp(s).indexes = [...opp(base).indexes!, { fields: ['account', '-close_date'], unique: false }];
      opp(s).layout = { sections: [{ label: 'All', fields: ['name'] }] };
    });
    expect(diffSnapshots(base, after).map((c) => [c.kind, c.what, c.path])).toEqual([
      ['added', 'layout', '/objects/opportunity/layout'],
      ['added', 'index', '/objects/opportunity/indexes/account,-close_date'],
    ]);
  });

  it('escapes names in paths and reports properties it has no name for', () => {
    const after = edited((s) => {
      (s.valueSets.opportunity_stage!.values[0] as { value: string }).value = 'a/b~c';
      (opp(s) as unknown as Record<string, unknown>).icon = 'briefcase';
    });
    const paths = diffSnapshots(base, after).map((c) => `${c.kind} ${c.what} ${c.path}`);
    expect(paths).toContain('added property /objects/opportunity/icon');
    expect(paths).toContain('added picklistValue /valueSets/opportunity_stage/values/a~1b~0c');
  });

  it('imports nothing server-side (the designer bundles it)', () => {
    const src = readFileSync(fileURLToPath(new URL('./metadata-diff.ts', import.meta.url)), 'utf8');
    expect([...src.matchAll(/from '([^']+)'/g)].map((m) => m[1])).toEqual(['./canonical-json', './metadata-types']);
  });
});
