import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
const count = async () => Number((await t.server.services.db.raw(`SELECT count(*) AS n FROM "${t.tenant.schema}".offer`)).rows[0].n);

beforeAll(async () => {
  t = await startTestTenant('valrules');
  await t.admin.defineObject({ name: 'firm', label: 'Firm', fields: [{ name: 'blocked', type: 'boolean', label: 'Blocked' }] });
  await t.admin.defineObject({
    name: 'offer',
    label: 'Offer',
    fields: [
      { name: 'firm', type: 'lookup', label: 'Firm', options: { target: 'firm', onDelete: 'setNull' } },
      { name: 'amount', type: 'currency', label: 'Amount' },
      { name: 'discount', type: 'percent', label: 'Discount' },
      { name: 'valid_until', type: 'date', label: 'Valid until' },
    ],
    validationRules: [
      { name: 'discount_cap', condition: { and: [{ '>': [{ var: 'discount' }, 20] }, { '<': [{ var: 'amount' }, 100000] }] }, message: { en: 'Discounts over 20% need an amount of 100,000 or more', 'zh-CN': '折扣超过 20% 时金额须不低于 100,000' }, errorField: 'discount' },
      { name: 'no_blocked_firm', condition: { '==': [{ var: 'firm.blocked' }, true] }, message: { en: 'This firm is blocked', 'zh-CN': '该公司已被冻结' }, errorField: 'firm' },
      { name: 'inactive_rule', condition: true, message: 'never applies', active: false },
    ],
  });
});
afterAll(() => t?.close());

describe('validation rules', () => {
  it('refuse a create whose condition holds, in the caller’s language, writing nothing', async () => {
    const before = await count();
    const en = await t.admin.post('/records/offer', { name: 'o1', amount: 500, discount: 30 });
    expect(en.status).toBe(400);
    expect(en.body.error).toEqual({
      code: 'RECORD_RULE_VIOLATION',
      message: 'Discounts over 20% need an amount of 100,000 or more',
      details: { rule: 'discount_cap', issues: [{ path: '/discount', code: 'RULE_VIOLATION', message: 'Discounts over 20% need an amount of 100,000 or more', rule: 'discount_cap' }] },
    });
    const zh = await t.admin.post('/records/offer', { name: 'o1', amount: 500, discount: 30 }, { 'accept-language': 'zh-CN,zh;q=0.9' });
    expect(zh.body.error.message).toBe('折扣超过 20% 时金额须不低于 100,000');
    expect(await count()).toBe(before);
    expect((await t.admin.post('/records/offer', { name: 'ok', amount: 500000, discount: 30 })).status).toBe(201);
  });

  it('judge an update on the record as it will be saved', async () => {
    const offer = (await t.admin.post('/records/offer', { name: 'o2', amount: 500, discount: 10 })).body;
    const res = await t.admin.patch(`/records/offer/${offer.id}`, { version: 1, discount: 25 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.rule).toBe('discount_cap');
    expect((await t.admin.get(`/records/offer/${offer.id}`)).body).toMatchObject({ discount: 10, version: 1 });
  });

  it('read through lookups', async () => {
    const blocked = (await t.admin.post('/records/firm', { name: 'Bad Co', blocked: true })).body;
    const fine = (await t.admin.post('/records/firm', { name: 'Good Co', blocked: false })).body;
    const refused = await t.admin.post('/records/offer', { name: 'o3', firm: blocked.id });
    expect(refused.body.error).toMatchObject({ code: 'RECORD_RULE_VIOLATION', details: { issues: [{ path: '/firm', rule: 'no_blocked_firm' }] } });
    expect((await t.admin.post('/records/offer', { name: 'o3', firm: fine.id })).status).toBe(201);
  });

  it('apply to every record of a bulk write, which then writes none', async () => {
    const before = await count();
    const res = await t.admin.post('/records/offer/bulk', { records: [{ name: 'b1', amount: 1 }, { name: 'b2', amount: 1, discount: 50 }, { name: 'b3' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues).toEqual([{ path: '/records/1/discount', code: 'RULE_VIOLATION', message: 'Discounts over 20% need an amount of 100,000 or more', rule: 'discount_cap' }]);
    expect(await count()).toBe(before);
  });

  it('are checked at publish: a bad condition is refused with its path', async () => {
    const res = await t.admin.put('/metadata/objects/offer', {
      name: 'offer',
      label: 'Offer',
      fields: [{ name: 'amount', type: 'currency', label: 'Amount' }],
      validationRules: [{ name: 'broken', condition: { '>': [{ var: 'amount' }, 'lots'] }, message: 'x' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'METADATA_RULE_INVALID', details: { issues: [{ path: '/validationRules/0/condition/>/1', code: 'RULE_INVALID' }] } });
  });
});
