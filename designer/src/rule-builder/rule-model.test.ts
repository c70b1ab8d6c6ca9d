import { describe, expect, it } from 'vitest';
import { OPERATIONS, type OperationName } from '../../../engine/shared/rules/catalogue';
import { COMPARISON_IDS, COMPARISONS_BY_KIND } from './comparisons';
import { GROUP_OF, OPERATION_GROUPS, operationsIn } from './operation-groups';
import { fromRule, toRule } from './rule-model';
import { COMPARISON_SAMPLES, operationSample } from './test-samples';

const OPS = Object.keys(OPERATIONS) as OperationName[];

describe('every operation round-trips between the visual model and the JSON', () => {
  for (const op of OPS) {
    const rule = operationSample(op);
    it(`${op}: ${JSON.stringify(rule)}`, () => {
      for (const mode of ['condition', 'expression'] as const) {
        const tree = fromRule(rule, mode);
        expect(tree, mode).toBeDefined();
        expect(toRule(tree!)).toStrictEqual(rule);
      }
    });
  }

  it('keeps how single arguments and variables were written', () => {
    for (const rule of [{ '!': { var: 'won' } }, { '!': [{ var: ['won'] }] }, { abs: -3 }, { not_empty: { var: 'title' } }, { '==': [{ var: ['title'] }, 'x'] }, { var: 'amount' }]) {
      expect(toRule(fromRule(rule, 'condition')!)).toStrictEqual(rule);
      expect(toRule(fromRule(rule, 'expression')!)).toStrictEqual(rule);
    }
  });

  it('nested groups, NOT and functions inside conditions', () => {
    const rule = { or: [{ and: [{ '>': [{ var: 'amount' }, 100] }, { '!': [{ in_set: [{ var: 'tags' }, 'a'] }] }] }, { regex_match: [{ var: 'title' }, '^A'] }, { '==': [{ var: 'account.industry' }, { var: '$user.department' }] }] };
    const tree = fromRule(rule)!;
    expect(tree.mode === 'condition' && tree.root.implicit).toBeFalsy();
    expect(toRule(tree)).toStrictEqual(rule);
  });
});

describe('comparisons per field type', () => {
  for (const [kind, ops] of Object.entries(COMPARISONS_BY_KIND)) {
    for (const op of ops) {
      const sample = COMPARISON_SAMPLES[kind as keyof typeof COMPARISONS_BY_KIND][op];
      it(`${kind} ${op} reads as that comparison and writes the same JSON`, () => {
        expect(sample, `a sample for ${kind} ${op}`).toBeDefined();
        const tree = fromRule(sample!.rule)!;
        expect(tree.mode).toBe('condition');
        const row = tree.mode === 'condition' ? tree.root.children[0] : undefined;
        expect(row).toMatchObject({ kind: 'cmp', field: sample!.field, op });
        expect(toRule(tree)).toStrictEqual(sample!.rule);
      });
    }
  }

  it('every comparison is offered for some field type', () => {
    expect(new Set(Object.values(COMPARISONS_BY_KIND).flat())).toStrictEqual(new Set(COMPARISON_IDS));
  });

  it('a comparison not in the field-first shape stays a function row', () => {
    const tree = fromRule({ '==': [5, { var: 'amount' }] })!;
    expect(tree.mode === 'condition' && tree.root.children[0]!.kind).toBe('expr');
  });
});

describe('what the visual form cannot show', () => {
  it.each([[{ var: ['amount', 0] }], [{ frobnicate: [1] }], [{ '==': [1, 2], '!=': [1, 2] }], [{ and: [{ '==': [{ var: 'a' }, { x: 1 }] }] }], [[{ var: 'a' }]]])('%j is left to the raw tab', (rule) => {
    expect(fromRule(rule, 'condition')).toBeUndefined();
    expect(fromRule(rule, 'expression')).toBeUndefined();
  });

  it('an empty rule is an empty tree, and an empty tree no rule', () => {
    expect(toRule(fromRule(undefined, 'condition')!)).toBeUndefined();
    expect(toRule(fromRule(undefined, 'expression')!)).toBeUndefined();
  });

  it('rows without a field are left out', () => {
    expect(toRule({ mode: 'condition', root: { kind: 'group', join: 'and', implicit: true, children: [{ kind: 'cmp', field: '', op: 'eq', args: [] }] } })).toBeUndefined();
  });
});

describe('the function picker', () => {
  it('groups every operation once', () => {
    expect(OPERATION_GROUPS.flatMap(operationsIn).sort()).toStrictEqual([...OPS].sort());
    expect(Object.keys(GROUP_OF).sort()).toStrictEqual([...OPS].sort());
  });
});
