import { describe, expect, it } from 'vitest';
import { ACCOUNT, DEAL } from './deal-fixture';
import { buildFormModel } from './form-model';
import { defineObject } from './test-support';

const deal = defineObject(DEAL, {}, [ACCOUNT]);

describe('buildFormModel', () => {
  it('follows the page layout: sections, columns, field order, a widget per field type', () => {
    const m = buildFormModel(deal.describe, deal.schema('create'), 'create');
    expect(m.sections.map((s) => [s.label, s.columns, s.fields])).toEqual([
      [{ en: 'Deal', 'zh-CN': '商机信息' }, 2, ['name', 'province', 'city', 'amount', 'qty', 'total', 'stage', 'loss_reason', 'discount']],
      [{ en: 'Contact', 'zh-CN': '联系信息' }, 1, ['email', 'notes', 'created_at']],
      [{ en: 'More', 'zh-CN': '其他' }, 2, ['tags', 'urgent', 'meet_at', 'site', 'phone']],
    ]);
    const widgetOf = (n: string) => (m.uiSchema[n] as Record<string, unknown>)['ui:widget'];
    expect(['name', 'city', 'amount', 'qty', 'total', 'email', 'notes', 'created_at', 'tags', 'urgent', 'meet_at'].map(widgetOf)).toEqual([
      'tf-text',
      'tf-picklist',
      'tf-number',
      'tf-number',
      'tf-formula',
      'tf-text',
      'tf-text',
      'tf-readonly',
      'tf-multipicklist',
      'tf-boolean',
      'tf-date',
    ]);
    expect((m.uiSchema.notes as Record<string, Record<string, unknown>>)['ui:options']!.wide).toBe(true);
  });

  it('uses the server schema for what may be sent, and shows computed and system fields read-only', () => {
    const server = deal.schema('create');
    const m = buildFormModel(deal.describe, server, 'create');
    const props = m.schema.properties as Record<string, unknown>;
    expect(props.amount).toEqual((server.properties as Record<string, unknown>).amount);
    expect(props.total).toEqual({ type: 'string', readOnly: true });
    expect(m.editable.has('total')).toBe(false);
    expect(m.editable.has('created_at')).toBe(false);
    expect(m.formFields).not.toContain('total');
    expect(m.formFields).toContain('amount');
    expect((m.uiSchema.created_at as Record<string, unknown>)['ui:readonly']).toBe(true);
  });

  it('makes a field the user may only read read-only, and shows none a user may not read', () => {
    const fields = { ...deal.describe.access.fields, amount: 'read' as const };
    const withoutEmail = { ...deal.describe, object: { ...deal.describe.object, fields: deal.describe.object.fields.filter((f) => f.name !== 'email') }, access: { ...deal.describe.access, fields } };
    const m = buildFormModel(withoutEmail, deal.schema('update'), 'update');
    expect(m.editable.has('amount')).toBe(false);
    expect(m.placed.has('amount')).toBe(true);
    expect(m.placed.has('email')).toBe(false);
    expect(m.sections[1]!.fields).toEqual(['notes', 'created_at']);
  });

  it('generates a layout for an object without one: name and the admin fields, two columns', () => {
    const plain = defineObject({ name: 'lead', label: 'Lead', fields: [{ name: 'company', type: 'text', label: 'Company' }, { name: 'score', type: 'integer', label: 'Score' }] });
    const m = buildFormModel(plain.describe, plain.schema('create'), 'create');
    expect(m.sections).toEqual([{ key: 'details', label: { en: 'Details', 'zh-CN': '详细信息' }, columns: 2, fields: ['name', 'company', 'score'] }]);
  });

  it('adds a prefilled field the layout leaves out (a related list parent) so it is saved', () => {
    const m = buildFormModel(deal.describe, deal.schema('create'), 'create', ['account']);
    expect(m.sections.at(-1)).toMatchObject({ key: 'more', fields: ['account'] });
    expect(m.editable.has('account')).toBe(true);
  });

  it('edits nothing without edit permission', () => {
    const m = buildFormModel({ ...deal.describe, access: { ...deal.describe.access, edit: false } }, deal.schema('update'), 'update');
    expect(m.editable.size).toBe(0);
  });
});
