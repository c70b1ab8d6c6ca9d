// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OPERATIONS, type OperationName } from '../../../engine/shared/rules/catalogue';
import { stubMetadataApi } from '../test-support/metadata-api';
import { COMPARISONS_BY_KIND, type ComparisonId } from './comparisons';
import type { FieldKind } from './rule-fields';
import { renderEditor } from './test-harness';
import { ACCOUNT, COMPARISON_SAMPLES, DEAL, operationArgs, operationSample, type SampleArg } from './test-samples';

beforeEach(() => {
  localStorage.clear();
  stubMetadataApi({ objects: [DEAL, ACCOUNT] });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const el = (id: string) => screen.getByTestId(id);
const change = (id: string, value: string) => fireEvent.change(el(id), { target: { value } });
const click = (id: string) => fireEvent.click(el(id));

/** Types a comparison's value the way an admin would: a select, a text/number/date input, check boxes or a comma list. */
function typeValue(tid: string, value: unknown) {
  const node = el(tid);
  if (Array.isArray(value)) {
    if (node.tagName === 'SPAN') value.forEach((v) => click(`${tid}-opt-${String(v)}`));
    else change(tid, value.join(', '));
    return;
  }
  change(tid, String(value));
}

describe('building each comparison in the visual form gives its JSON', () => {
  const cases = Object.entries(COMPARISONS_BY_KIND).flatMap(([kind, ops]) => ops.map((op) => [kind as FieldKind, op] as const));
  it.each(cases)('%s %s', async (kind, op: ComparisonId) => {
    const sample = COMPARISON_SAMPLES[kind][op]!;
    const { current } = await renderEditor();
    click('rule-add-condition');
    change('rule-field-0', sample.field);
    change('rule-op-0', op);
    sample.values.forEach((v, i) => typeValue(i === 0 ? 'rule-value-0' : `rule-value-0-${i + 1}`, v));
    expect(current()).toStrictEqual(sample.rule);
    expect(el('rule-check').className).toBe('rule-ok');
  });

  it('offers the operators of the field type', async () => {
    await renderEditor();
    click('rule-add-condition');
    change('rule-field-0', 'won');
    expect([...el('rule-op-0').querySelectorAll('option')].map((o) => o.getAttribute('value'))).toStrictEqual(COMPARISONS_BY_KIND.boolean);
    change('rule-field-0', 'stage');
    expect([...el('rule-value-0').querySelectorAll('option')].map((o) => o.textContent)).toStrictEqual(['— choose —', 'New', 'Won']);
  });

  it('a date compared with a date relative to today', async () => {
    const { current } = await renderEditor();
    click('rule-add-condition');
    change('rule-field-0', 'close_date');
    change('rule-op-0', 'ge');
    change('rule-value-0-kind', 'relative');
    change('rule-value-0', '-30');
    expect(current()).toStrictEqual({ '>=': [{ var: 'close_date' }, { add_days: [{ today: [] }, -30] }] });
  });

  it('fields through lookups, up to three deep', async () => {
    const { current } = await renderEditor();
    click('rule-add-condition');
    change('rule-field-0', 'account');
    change('rule-field-0-1', 'industry');
    change('rule-value-0', 'tech');
    expect(current()).toStrictEqual({ '==': [{ var: 'account.industry' }, 'tech'] });
    change('rule-field-0-1', 'parent');
    change('rule-field-0-2', 'parent');
    change('rule-field-0-3', 'revenue');
    expect(screen.queryByTestId('rule-field-0-4')).toBeNull();
    change('rule-op-0', 'gt');
    change('rule-value-0', '1000000');
    expect(current()).toStrictEqual({ '>': [{ var: 'account.parent.parent.revenue' }, 1000000] });
  });

  it('values from another field, the user, or a function', async () => {
    const { current } = await renderEditor();
    click('rule-add-condition');
    change('rule-field-0', 'amount');
    change('rule-op-0', 'gt');
    change('rule-value-0-kind', 'var');
    change('rule-value-0-field', 'qty');
    expect(current()).toStrictEqual({ '>': [{ var: 'amount' }, { var: 'qty' }] });
    click('rule-add-condition');
    change('rule-field-1', 'title');
    change('rule-value-1-kind', 'ctx');
    change('rule-value-1-ctx', '$user.department');
    change('rule-value-0-kind', 'call');
    change('rule-value-0-op', '*');
    change('rule-value-0-a0-kind', 'var');
    change('rule-value-0-a0-field', 'qty');
    change('rule-value-0-a1', '100');
    expect(current()).toStrictEqual({ and: [{ '>': [{ var: 'amount' }, { '*': [{ var: 'qty' }, 100] }] }, { '==': [{ var: 'title' }, { var: '$user.department' }] }] });
  });

  it('AND/OR groups, nested, and NOT', async () => {
    const { current } = await renderEditor();
    click('rule-add-condition');
    change('rule-field-0', 'won');
    click('rule-add-group');
    expect((el('rule-join-1') as HTMLSelectElement).value).toBe('or');
    change('rule-join-1', 'and');
    change('rule-join-0', 'or');
    click('rule-add-condition-g1');
    change('rule-field-1', 'amount');
    change('rule-op-1', 'gt');
    change('rule-value-1', '100');
    click('rule-add-condition-g1');
    change('rule-field-2', 'stage');
    change('rule-value-2', 'won');
    expect(current()).toStrictEqual({ or: [{ '==': [{ var: 'won' }, true] }, { and: [{ '>': [{ var: 'amount' }, 100] }, { '==': [{ var: 'stage' }, 'won'] }] }] });
    change('rule-join-1', 'or');
    click('rule-add-not');
    click('rule-add-condition-g2');
    change('rule-field-3', 'title');
    change('rule-op-3', 'is_empty');
    expect(current()).toStrictEqual({
      or: [{ '==': [{ var: 'won' }, true] }, { or: [{ '>': [{ var: 'amount' }, 100] }, { '==': [{ var: 'stage' }, 'won'] }] }, { '!': [{ and: [{ is_empty: [{ var: 'title' }] }] }] }],
    });
    click('rule-remove-group-1');
    click('rule-remove-not-0');
    // the top group of one condition is written as that condition
    expect(current()).toStrictEqual({ '==': [{ var: 'won' }, true] });
  });
});

/** Enters one argument of a function: a field picked, or a literal of the sample's type. */
function enterArg(tid: string, a: SampleArg) {
  if ('field' in a) {
    change(`${tid}-kind`, 'var');
    change(`${tid}-field`, a.field);
    return;
  }
  if (screen.queryByTestId(`${tid}-kind`) && (el(`${tid}-kind`) as HTMLSelectElement).value !== 'lit') change(`${tid}-kind`, 'lit');
  const type = typeof a.literal;
  if (screen.queryByTestId(`${tid}-type`) && (el(`${tid}-type`) as HTMLSelectElement).value !== type) change(`${tid}-type`, type);
  change(tid, String(a.literal));
}

const topArgs = () => screen.queryAllByTestId(/^rule-expr-a\d+-kind$/).length;

describe('every operation can be built in the expression form', () => {
  it.each(Object.keys(OPERATIONS) as OperationName[])('%s', async (op) => {
    const { current } = await renderEditor({ mode: 'expression', allowContext: true });
    change('rule-expr-kind', 'call');
    change('rule-expr-op', op);
    expect(el('rule-expr-doc').textContent).toBe(OPERATIONS[op].doc);
    const args = operationArgs(op);
    while (topArgs() > args.length) click(`rule-expr-a${topArgs() - 1}-remove`);
    while (topArgs() < args.length) click('rule-expr-add-arg');
    args.forEach((a, i) => enterArg(`rule-expr-a${i}`, a));
    expect(current()).toStrictEqual(operationSample(op));
  });

  it('a literal list where the function takes one', async () => {
    const { current } = await renderEditor({ mode: 'expression', expect: ['boolean'], initial: { in: [{ var: 'title' }, 'x'] } });
    change('rule-expr-a1-kind', 'list');
    change('rule-expr-a1', 'a, b ,c');
    expect(current()).toStrictEqual({ in: [{ var: 'title' }, ['a', 'b', 'c']] });
  });

  it('if shows condition / then / else and adds pairs before the else', async () => {
    const { current } = await renderEditor({ mode: 'expression', expect: ['string'], initial: { if: [{ var: 'won' }, 'yes', 'no'] } });
    expect([...document.querySelectorAll('.rule-arg-label')].map((x) => x.textContent)).toStrictEqual(['if', 'then', 'else']);
    click('rule-expr-add-arg');
    expect(current()).toStrictEqual({ if: [{ var: 'won' }, 'yes', true, null, 'no'] });
    click('rule-expr-a2-remove');
    expect(current()).toStrictEqual({ if: [{ var: 'won' }, 'yes', 'no'] });
  });
});

describe('the raw JSON tab', () => {
  it('shows the rule pretty-printed and its edits update the visual tree', async () => {
    const { current } = await renderEditor({ initial: { '==': [{ var: 'won' }, true] } });
    click('rule-tab-raw');
    expect((el('rule-raw') as HTMLTextAreaElement).value).toBe(JSON.stringify({ '==': [{ var: 'won' }, true] }, null, 2));
    change('rule-raw', '{"and": [{">": [{"var": "amount"}, 100]}, {"in": [{"var": "stage"}, ["new"]]}]}');
    expect(current()).toStrictEqual({ and: [{ '>': [{ var: 'amount' }, 100] }, { in: [{ var: 'stage' }, ['new']] }] });
    click('rule-tab-visual');
    expect((el('rule-field-0') as HTMLSelectElement).value).toBe('amount');
    expect((el('rule-op-0') as HTMLSelectElement).value).toBe('gt');
    expect((el('rule-value-0') as HTMLInputElement).value).toBe('100');
    expect((el('rule-op-1') as HTMLSelectElement).value).toBe('in');
    expect((el('rule-value-0-opt-new'.replace('0', '1')) as HTMLInputElement).checked).toBe(true);
  });

  it('does not emit invalid JSON, and says why', async () => {
    const { changes, current } = await renderEditor({ initial: { '==': [{ var: 'won' }, true] } });
    click('rule-tab-raw');
    change('rule-raw', '{"==": [{"var": "won"}, ');
    expect(el('rule-raw-error').textContent).toMatch(/^Not valid JSON/);
    expect(changes).toStrictEqual([]);
    expect(current()).toStrictEqual({ '==': [{ var: 'won' }, true] });
    change('rule-raw', '');
    expect(changes).toStrictEqual([undefined]);
  });

  it('a rule the visual form cannot show opens raw, is kept as written, and the visual tab says so', async () => {
    const rule = { '==': [{ var: ['amount', 0] }, 1] };
    const { changes } = await renderEditor({ initial: rule });
    expect(screen.getByTestId('rule-raw')).toBeTruthy();
    click('rule-tab-visual');
    expect(el('rule-unsupported').textContent).toMatch(/cannot show this rule/);
    expect(screen.queryByTestId('rule-add-condition')).toBeNull();
    expect(changes).toStrictEqual([]);
  });
});

describe('live checking', () => {
  it('shows an unknown field with its JSON pointer, and the server issues', async () => {
    await renderEditor({ initial: { '==': [{ var: 'nope' }, 1] }, issues: [{ path: '/==/0/var', code: 'RULE_INVALID', message: 'unknown field "nope"' }] });
    expect(el('rule-check').textContent).toBe('Problem at /==/0/var: unknown field "nope"');
    expect(el('rule-check').getAttribute('data-path')).toBe('/==/0/var');
    expect(el('rule-server-issues').textContent).toContain('RULE_INVALID');
  });

  it('checks the expected type and the context rule', async () => {
    await renderEditor({ mode: 'expression', expect: ['number'], allowContext: false, initial: { '+': [{ var: 'amount' }, { var: '$user.id' }] } });
    expect(el('rule-check').textContent).toBe('Problem at /+/1/var: "$user.id" cannot be used here: the value must not depend on who reads it');
    click('rule-tab-raw');
    change('rule-raw', '{"cat": [{"var": "title"}]}');
    expect(el('rule-check').textContent).toBe('Problem at /: the rule gives a string, expected number');
    change('rule-raw', '{"*": [{"var": "account.revenue"}, 2]}');
    expect(el('rule-check').textContent).toBe('The rule checks: it gives a number.');
  });

  it('speaks Chinese', async () => {
    await renderEditor({ locale: 'zh-CN' });
    expect(el('rule-add-condition').textContent).toBe('添加条件');
    expect(el('rule-tab-raw').textContent).toBe('原始 JSON');
  });
});

describe('test against a record', () => {
  const DEAL_ID = '11111111-2222-4333-8444-555555555555';
  const RULE = { and: [{ '>': [{ var: 'amount' }, 100] }, { '==': [{ var: 'account.industry' }, 'tech'] }] };

  beforeEach(() => {
    stubMetadataApi({
      objects: [DEAL, ACCOUNT],
      more: (req) => {
        if (req.path === '/records/deal' && req.query.get('q') === 'acme' && req.query.get('limit') === '10') return { status: 200, body: { records: [{ id: DEAL_ID, name: 'Acme deal', version: 1 }] } };
        if (req.path === `/records/deal/${DEAL_ID}`) return { status: 200, body: { id: DEAL_ID, name: 'Acme deal', amount: 500, account: 'acc-1', version: 1 } };
        if (req.path === '/records/account/acc-1') return { status: 200, body: { id: 'acc-1', name: 'Acme', industry: 'tech', version: 1 } };
        return undefined;
      },
    });
  });

  it('finds a record, loads the lookups the rule reads, and shows what the interpreter says', async () => {
    await renderEditor({ initial: RULE });
    change('rule-test-record', 'acme');
    click('rule-test-find');
    fireEvent.click(await screen.findByTestId('rule-test-pick-0'));
    await waitFor(() => expect(el('rule-test-result').textContent).toBe('Tested on Acme deal — true: the condition holds'));
    click('rule-tab-raw');
    change('rule-raw', JSON.stringify({ '==': [{ var: 'account.industry' }, 'retail'] }));
    expect(el('rule-test-result').textContent).toBe('Tested on Acme deal — false: the condition does not hold');
  });

  it('loads a pasted id; an expression shows its value', async () => {
    await renderEditor({ mode: 'expression', expect: ['number'], allowContext: false, initial: { '*': [{ var: 'amount' }, 2] } });
    change('rule-test-record', DEAL_ID);
    click('rule-test-find');
    await waitFor(() => expect(el('rule-test-result').textContent).toBe('Tested on Acme deal — Result: 1000'));
  });

  it('without records: sample values, with $user from the session', async () => {
    await renderEditor({ initial: { and: [{ '<': [{ var: 'amount' }, 10] }, { '==': [{ var: '$user.department' }, 'sales'] }] } });
    await waitFor(() => expect(screen.queryByText('loading')).toBeNull());
    change('rule-test-sample', '{"amount": 5}');
    click('rule-test-run-sample');
    await waitFor(() => expect(el('rule-test-result').textContent).toBe('true: the condition holds'));
    change('rule-test-sample', '[1]');
    click('rule-test-run-sample');
    expect(el('rule-test-result').textContent).toMatch(/^Could not test: Sample values must be a JSON object/);
  });

  it('a record that cannot be loaded is an error, not a result', async () => {
    await renderEditor({ initial: RULE });
    change('rule-test-record', '99999999-2222-4333-8444-555555555555');
    click('rule-test-find');
    await waitFor(() => expect(el('rule-test-result').textContent).toBe('Could not test: not found'));
  });
});
