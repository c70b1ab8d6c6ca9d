import { describe, expect, it } from 'vitest';
import { registry, snapshotOf } from '../schema-engine/plan-fixtures';
import type { RawObjectDef } from '../shared/metadata-types';
import { fieldPathsOf, lookupPathsOf } from '../shared/rules/typed-ast';
import { checkedFieldRule, checkedFormula, checkedValidationRule } from './checked-rules';

const account: RawObjectDef = { name: 'account', label: 'Account', fields: [{ name: 'industry', type: 'text', label: 'Industry' }] };
const deal: RawObjectDef = {
  name: 'deal',
  label: 'Deal',
  fields: [
    { name: 'amount', type: 'number', label: 'Amount' },
    { name: 'account', type: 'lookup', label: 'Account', options: { target: 'account' } },
    { name: 'doubled', type: 'formula', label: 'Doubled', options: { expression: { '*': [{ var: 'amount' }, 2] }, returns: 'number' } },
    { name: 'wrong', type: 'formula', label: 'Wrong', options: { expression: { '>': [{ var: 'amount' }, 2] }, returns: 'number' } },
    { name: 'note', type: 'text', label: 'Note', requiredWhen: { '==': [{ var: 'account.industry' }, 'IT'] }, defaultValue: { if: [{ '>': [{ var: 'amount' }, 1] }, 'big', 'small'] } },
  ],
  validationRules: [{ name: 'positive', condition: { '<': [{ var: 'amount' }, 0] }, message: 'must be positive' }],
};

describe('rules checked once per metadata version', () => {
  it('answers the same check for the same snapshot, and checks a new snapshot afresh', () => {
    const snapshot = snapshotOf([account, deal]);
    const obj = snapshot.objects.get('deal')!;
    const doubled = obj.fields.find((f) => f.name === 'doubled')!;
    const first = checkedFormula(snapshot, registry, obj, doubled);
    expect(first.issues).toEqual([]);
    expect(checkedFormula(snapshot, registry, obj, doubled)).toBe(first);
    const next = snapshotOf([account, deal], 2);
    const again = checkedFormula(next, registry, next.objects.get('deal')!, next.objects.get('deal')!.fields.find((f) => f.name === 'doubled')!);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('checks a formula against its declared result, a default against its field type', () => {
    const snapshot = snapshotOf([account, deal]);
    const obj = snapshot.objects.get('deal')!;
    const field = (name: string) => obj.fields.find((f) => f.name === name)!;
    expect(checkedFormula(snapshot, registry, obj, field('wrong'))).toEqual({ issues: [{ path: '', message: 'the rule gives a boolean, expected number' }] });
    expect(checkedFieldRule(snapshot, registry, obj, field('note'), 'defaultValue').expr?.type).toBe('string');
  });

  it('keeps the paths a rule reads, through lookups too', () => {
    const snapshot = snapshotOf([account, deal]);
    const obj = snapshot.objects.get('deal')!;
    const note = obj.fields.find((f) => f.name === 'note')!;
    const condition = checkedFieldRule(snapshot, registry, obj, note, 'requiredWhen').expr!;
    expect(fieldPathsOf(condition)).toEqual(['account.industry']);
    expect(lookupPathsOf(condition)).toEqual(['account.industry']);
    const rule = checkedValidationRule(snapshot, registry, obj, obj.validationRules[0]!).expr!;
    expect(fieldPathsOf(rule)).toEqual(['amount']);
    expect(lookupPathsOf(rule)).toEqual([]);
  });
});
