import { describe, expect, it } from 'vitest';
import { ACCOUNT, DEAL } from './deal-fixture';
import { evaluateLive, picklistLabels, prepareLiveRules } from './live-rules';
import { browserReads, decidableInBrowser, variablesOf } from './rule-variables';
import { defineObject } from './test-support';

const deal = defineObject(DEAL, {}, [ACCOUNT]);
const ctx = { now: new Date('2026-03-01T08:00:00Z'), user: { id: 'u-1', roles: [] }, locale: 'en' as const };

describe('live rules', () => {
  it('previews formulas and evaluates conditions and validation rules on the record as typed', () => {
    const live = prepareLiveRules(deal.describe, { id: 'u-1' });
    const s = evaluateLive(live, { amount: 2_000_000, qty: 3, stage: 'won' }, ctx);
    expect(s.formulas).toEqual({ total: 6_000_000 });
    expect([...s.hidden]).toEqual(['loss_reason']);
    expect([...s.readOnly]).toEqual(['discount']);
    expect(s.violations.map((r) => [r.name, r.errorField])).toEqual([['amount_cap', 'amount']]);
    const lost = evaluateLive(live, { stage: 'lost', qty: 101 }, ctx);
    expect([...lost.hidden]).toEqual([]);
    expect([...lost.required]).toEqual(['loss_reason']);
    expect(lost.formulas.total).toBeNull();
    expect(lost.violations.map((r) => r.name)).toEqual(['qty_needs_amount']);
  });

  it('judges readOnlyWhen on the stored record when editing one, as the server does', () => {
    const live = prepareLiveRules(deal.describe, { id: 'u-1' });
    expect([...evaluateLive(live, { stage: 'won' }, ctx, { stage: 'new' }).readOnly]).toEqual([]);
    expect([...evaluateLive(live, { stage: 'new' }, ctx, { stage: 'won' }).readOnly]).toEqual(['discount']);
  });

  it('computes a formula that reads another formula after it', () => {
    const chain = defineObject({
      name: 'line',
      label: 'Line',
      fields: [
        { name: 'gross', type: 'formula', label: 'Gross', options: { expression: { '*': [{ var: 'net' }, 2] }, returns: 'number' } },
        { name: 'net', type: 'formula', label: 'Net', options: { expression: { '+': [{ var: 'price' }, 1] }, returns: 'number' } },
        { name: 'price', type: 'number', label: 'Price' },
      ],
    });
    expect(evaluateLive(prepareLiveRules(chain.describe, undefined), { price: 4 }, ctx).formulas).toEqual({ net: 5, gross: 10 });
  });

  it('leaves to the server what the browser cannot know: lookup paths, and roles the session does not carry', () => {
    expect([...variablesOf({ and: [{ '==': [{ var: 'account.industry' }, 'it'] }, { in: ['sales', { var: ['$user.roles'] }] }] })]).toEqual(['account.industry', '$user.roles']);
    expect(decidableInBrowser(['amount', '$user.id', '$now'], { id: 'u' })).toBe(true);
    expect(decidableInBrowser(['account.industry'], { id: 'u' })).toBe(false);
    expect(decidableInBrowser(['$user.roles'], { id: 'u' })).toBe(false);
    expect(decidableInBrowser(['$user.roles'], { id: 'u', roles: ['sales'] })).toBe(true);
    expect(browserReads(['account.industry', 'qty'], { id: 'u' }, new Set(['account']))).toEqual({ decidable: true, through: [{ lookup: 'account', field: 'industry' }] });
    expect(browserReads(['account.owner.team'], { id: 'u' }, new Set(['account'])).decidable).toBe(false);
    expect(browserReads(['stage.x'], { id: 'u' }, new Set(['account'])).decidable).toBe(false);
  });

  it('reads one step through a lookup once the related record is loaded, and only if it shows the field', () => {
    const withLookupRule = { ...deal.describe, object: { ...deal.describe.object, validationRules: [{ name: 'no_gov', condition: { '==': [{ var: 'account.industry' }, 'gov'] }, message: 'x', errorField: 'account', active: true }] } };
    const live = prepareLiveRules(withLookupRule, { id: 'u' });
    expect([...live.relatedNeeded]).toEqual([['account', 'account']]);
    const values = { account: 'a-1' };
    expect(evaluateLive(live, values, ctx).violations).toEqual([]);
    expect(evaluateLive(live, values, ctx, undefined, { account: { id: 'a-1', industry: 'gov' } }).violations.map((r) => r.name)).toEqual(['no_gov']);
    expect(evaluateLive(live, values, ctx, undefined, { account: { id: 'a-2', industry: 'gov' } }).violations).toEqual([]);
    expect(evaluateLive(live, values, ctx, undefined, { account: { id: 'a-1' } }).violations).toEqual([]);
    expect(evaluateLive(live, {}, ctx).violations).toEqual([]);
  });

  it('gives label_of the picklist labels in the locale', () => {
    expect(picklistLabels(deal.describe.object.fields, 'zh-CN').city).toEqual({ gz: '广州', sz: '深圳', hz: '杭州' });
  });
});
