import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { changedValues, createPayload, sameValue } from './payload';
import { fieldOfPath, saveFailureOf } from './server-issues';

const shown = (f: string) => ['email', 'amount', 'tags'].includes(f);
const labelOf = (f: string) => f.toUpperCase();

describe('saveFailureOf', () => {
  it('puts each issue on its field, and issues of fields not on the form at the top', () => {
    const e = new ApiError(400, 'RECORD_VALIDATION_FAILED', 'the deal is invalid', {
      issues: [
        { path: '/email', code: 'FORMAT', message: 'must match format "email"' },
        { path: '/tags/1', code: 'ENUM', message: 'must be one of the allowed values' },
        { path: '/secret', code: 'REQUIRED', message: 'is required' },
      ],
    });
    expect(saveFailureOf(e, shown, labelOf)).toEqual({
      kind: 'invalid',
      errors: { fields: { email: ['must match format "email"'], tags: ['must be one of the allowed values'] }, top: ['SECRET: is required'] },
    });
  });

  it('puts a rule violation on its errorField, or at the top for the record', () => {
    const e = new ApiError(400, 'RECORD_RULE_VIOLATION', '金额不能超过一百万', {
      rule: 'amount_cap',
      issues: [
        { path: '/amount', code: 'RULE_VIOLATION', message: '金额不能超过一百万', rule: 'amount_cap' },
        { path: '/', code: 'RULE_VIOLATION', message: '大额订单需要填写金额', rule: 'qty_needs_amount' },
      ],
    });
    expect(saveFailureOf(e, shown, labelOf).errors).toEqual({ fields: { amount: ['金额不能超过一百万'] }, top: ['大额订单需要填写金额'] });
  });

  it('puts FIELD_NOT_ACCESSIBLE on its field', () => {
    const e = new ApiError(403, 'FIELD_NOT_ACCESSIBLE', 'you may not change amount', { field: 'amount' });
    expect(saveFailureOf(e, shown, labelOf)).toEqual({ kind: 'invalid', errors: { fields: { amount: ['you may not change amount'] }, top: [] } });
  });

  it('tells a conflict, the network, an expired session and a server fault apart', () => {
    expect(saveFailureOf(new ApiError(409, 'RECORD_VERSION_CONFLICT', 'changed', { currentVersion: 4, yourVersion: 3 }), shown, labelOf)).toMatchObject({ kind: 'conflict', currentVersion: 4 });
    expect(saveFailureOf(new ApiError(0, 'NETWORK_ERROR', 'x'), shown, labelOf).kind).toBe('offline');
    expect(saveFailureOf(new ApiError(401, 'AUTH_REQUIRED', 'x'), shown, labelOf).kind).toBe('session');
    expect(saveFailureOf(new ApiError(503, 'INTERNAL', 'x'), shown, labelOf)).toMatchObject({ kind: 'server', code: 'INTERNAL' });
    expect(saveFailureOf(new ApiError(403, 'RECORD_ACCESS_DENIED', 'no'), shown, labelOf)).toMatchObject({ kind: 'refused', errors: { top: ['no'] } });
  });

  it('reads the field of a JSON pointer', () => {
    expect([fieldOfPath('/city'), fieldOfPath('/tags/0'), fieldOfPath('/'), fieldOfPath('')]).toEqual(['city', 'tags', '', '']);
  });
});

describe('payloads', () => {
  it('creates with the editable fields that have a value', () => {
    expect(createPayload({ name: 'A', city: undefined, tags: [], notes: '', total: 5, amount: 0 }, ['name', 'city', 'tags', 'notes', 'amount'])).toEqual({ name: 'A', amount: 0 });
    expect(createPayload({ name: 'A', discount: 5 }, ['name', 'discount'], new Set(['discount']))).toEqual({ name: 'A' });
  });

  it('patches only what changed, a cleared field as null', () => {
    const base = { name: 'A', amount: 10, city: 'gz', tags: ['a'], notes: null };
    expect(changedValues({ ...base, amount: 12, city: undefined, notes: '' }, base, ['name', 'amount', 'city', 'tags', 'notes'])).toEqual({ amount: 12, city: null });
    expect(sameValue(undefined, [])).toBe(true);
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
  });
});
