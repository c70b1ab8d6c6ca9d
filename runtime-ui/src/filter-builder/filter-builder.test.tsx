// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FieldDef } from '../api/describe';
import { checkRule } from '../../../engine/shared/rules/check/check-rule';
import type { RuleType } from '../../../engine/shared/rules/catalogue';
import { I18nProvider } from '../i18n/i18n';
import { FilterBuilder } from './filter-builder';
import { emptyFilter, fromJsonLogic, toJsonLogic, type FilterCondition, type FilterGroup } from './filter-model';
import { filterKindOf, OPERATORS, OPERATORS_BY_KIND, type FilterKind, type OperatorId } from './operators';

afterEach(cleanup);

const field = (name: string, type: string, options: Record<string, unknown> = {}): FieldDef => ({ name, type, label: { en: name.toUpperCase(), 'zh-CN': name }, required: false, system: false, options });
const FIELDS: FieldDef[] = [
  field('title', 'text'),
  field('qty', 'integer'),
  field('due', 'date'),
  field('at', 'datetime'),
  field('ok', 'boolean'),
  field('stage', 'picklist', { values: [{ value: 'new', label: { en: 'New' } }, { value: 'won', label: { en: 'Won' } }] }),
  field('tags', 'multipicklist', { values: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] }),
  field('account', 'lookup', { target: 'account' }),
  { ...field('owner_id', 'user'), system: true },
  field('margin', 'formula', { returns: 'number', expression: {} }),
];
const byKind = (kind: FilterKind) => FIELDS.find((f) => filterKindOf(f) === kind)!;
const ID = '2b0c4d6e-8f10-4a2b-9c3d-4e5f60718293';

/** A sample value per operator and kind, and the json-logic it must give. */
const SAMPLES: Record<FilterKind, Partial<Record<OperatorId, { value?: unknown; logic: (f: string) => unknown }>>> = {
  text: {
    contains: { value: 'acme', logic: (f) => ({ contains: [{ var: f }, 'acme'] }) },
    not_contains: { value: 'acme', logic: (f) => ({ '!': [{ contains: [{ var: f }, 'acme'] }] }) },
    eq: { value: 'Acme', logic: (f) => ({ '==': [{ var: f }, 'Acme'] }) },
    ne: { value: 'Acme', logic: (f) => ({ '!=': [{ var: f }, 'Acme'] }) },
    starts_with: { value: '上海', logic: (f) => ({ starts_with: [{ var: f }, '上海'] }) },
    ends_with: { value: '.cn', logic: (f) => ({ ends_with: [{ var: f }, '.cn'] }) },
    empty: { logic: (f) => ({ is_empty: [{ var: f }] }) },
    not_empty: { logic: (f) => ({ not_empty: [{ var: f }] }) },
  },
  number: {
    eq: { value: 3, logic: (f) => ({ '==': [{ var: f }, 3] }) },
    ne: { value: 3, logic: (f) => ({ '!=': [{ var: f }, 3] }) },
    gt: { value: 2.5, logic: (f) => ({ '>': [{ var: f }, 2.5] }) },
    ge: { value: 0, logic: (f) => ({ '>=': [{ var: f }, 0] }) },
    lt: { value: -1, logic: (f) => ({ '<': [{ var: f }, -1] }) },
    le: { value: 10, logic: (f) => ({ '<=': [{ var: f }, 10] }) },
    between: { value: [1, 5], logic: (f) => ({ '<=': [1, { var: f }, 5] }) },
    empty: { logic: (f) => ({ is_empty: [{ var: f }] }) },
    not_empty: { logic: (f) => ({ not_empty: [{ var: f }] }) },
  },
  date: {
    today: { logic: (f) => ({ '==': [{ var: f }, { today: [] }] }) },
    eq: { value: '2026-03-15', logic: (f) => ({ '==': [{ var: f }, '2026-03-15'] }) },
    ne: { value: '2026-03-15', logic: (f) => ({ '!=': [{ var: f }, '2026-03-15'] }) },
    lt: { value: '2026-03-15', logic: (f) => ({ '<': [{ var: f }, '2026-03-15'] }) },
    gt: { value: '2026-03-15', logic: (f) => ({ '>': [{ var: f }, '2026-03-15'] }) },
    le: { value: '2026-03-15', logic: (f) => ({ '<=': [{ var: f }, '2026-03-15'] }) },
    ge: { value: '2026-03-15', logic: (f) => ({ '>=': [{ var: f }, '2026-03-15'] }) },
    last_days: { value: 30, logic: (f) => ({ '<=': [{ add_days: [{ today: [] }, -30] }, { var: f }, { today: [] }] }) },
    next_days: { value: 7, logic: (f) => ({ '<=': [{ today: [] }, { var: f }, { add_days: [{ today: [] }, 7] }] }) },
    between: { value: ['2026-01-01', '2026-03-31'], logic: (f) => ({ '<=': ['2026-01-01', { var: f }, '2026-03-31'] }) },
    empty: { logic: (f) => ({ is_empty: [{ var: f }] }) },
    not_empty: { logic: (f) => ({ not_empty: [{ var: f }] }) },
  },
  datetime: {
    lt: { value: '2026-03-01T08:00:00.000Z', logic: (f) => ({ '<': [{ var: f }, '2026-03-01T08:00:00.000Z'] }) },
    gt: { value: '2026-03-01T08:00:00.000Z', logic: (f) => ({ '>': [{ var: f }, '2026-03-01T08:00:00.000Z'] }) },
    last_days: { value: 1, logic: (f) => ({ '<=': [{ add_days: [{ now: [] }, -1] }, { var: f }, { now: [] }] }) },
    next_days: { value: 2, logic: (f) => ({ '<=': [{ now: [] }, { var: f }, { add_days: [{ now: [] }, 2] }] }) },
    between: { value: ['2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z'], logic: (f) => ({ '<=': ['2026-03-01T00:00:00.000Z', { var: f }, '2026-03-02T00:00:00.000Z'] }) },
    empty: { logic: (f) => ({ is_empty: [{ var: f }] }) },
    not_empty: { logic: (f) => ({ not_empty: [{ var: f }] }) },
  },
  boolean: {
    is_true: { logic: (f) => ({ '==': [{ var: f }, true] }) },
    is_false: { logic: (f) => ({ '==': [{ var: f }, false] }) },
    empty: { logic: (f) => ({ is_empty: [{ var: f }] }) },
  },
  picklist: {
    any_of: { value: ['new', 'won'], logic: (f) => ({ in: [{ var: f }, ['new', 'won']] }) },
    none_of: { value: ['won'], logic: (f) => ({ '!': [{ in: [{ var: f }, ['won']] }] }) },
    empty: { logic: (f) => ({ is_empty: [{ var: f }] }) },
    not_empty: { logic: (f) => ({ not_empty: [{ var: f }] }) },
  },
  multipicklist: {
    any_of: { value: ['a'], logic: (f) => ({ in: [{ var: f }, ['a']] }) },
    none_of: { value: ['a', 'b'], logic: (f) => ({ '!': [{ in: [{ var: f }, ['a', 'b']] }] }) },
    contains: { value: 'b', logic: (f) => ({ contains: [{ var: f }, 'b'] }) },
    empty: { logic: (f) => ({ is_empty: [{ var: f }] }) },
    not_empty: { logic: (f) => ({ not_empty: [{ var: f }] }) },
  },
  lookup: {
    eq: { value: ID, logic: (f) => ({ '==': [{ var: f }, ID] }) },
    ne: { value: ID, logic: (f) => ({ '!=': [{ var: f }, ID] }) },
    empty: { logic: (f) => ({ is_empty: [{ var: f }] }) },
    not_empty: { logic: (f) => ({ not_empty: [{ var: f }] }) },
  },
  user: {
    me: { logic: (f) => ({ '==': [{ var: f }, { var: '$user.id' }] }) },
    eq: { value: ID, logic: (f) => ({ '==': [{ var: f }, ID] }) },
    ne: { value: ID, logic: (f) => ({ '!=': [{ var: f }, ID] }) },
  },
};

const RULE_TYPE: Record<FilterKind, RuleType> = { text: 'string', number: 'number', date: 'date', datetime: 'datetime', boolean: 'boolean', picklist: 'string', multipicklist: 'list', lookup: 'string', user: 'string' };
const scope = { allowContext: true, resolve: (p: string) => { const f = FIELDS.find((x) => x.name === p); return f && RULE_TYPE[filterKindOf(f)!]; } };

describe('every operator round-trips to json-logic', () => {
  for (const kind of Object.keys(OPERATORS_BY_KIND) as FilterKind[]) {
    it(`${kind}: ${OPERATORS_BY_KIND[kind].join(', ')}`, () => {
      const f = byKind(kind);
      expect(Object.keys(SAMPLES[kind]).sort(), 'a sample for every operator of the kind').toEqual([...OPERATORS_BY_KIND[kind]].sort());
      for (const op of OPERATORS_BY_KIND[kind]) {
        const sample = SAMPLES[kind][op]!;
        const condition: FilterCondition = { kind: 'condition', field: f.name, op, ...(sample.value !== undefined ? { value: sample.value } : {}) };
        const logic = toJsonLogic(condition, FIELDS);
        expect(logic, `${kind} ${op}`).toEqual(sample.logic(f.name));
        expect(fromJsonLogic(logic, FIELDS), `${kind} ${op} back`).toEqual({ kind: 'group', join: 'and', children: [condition] });
        // The rule is one the server's rule checker accepts for that field type.
        expect(checkRule(logic, scope, ['boolean']).issues, `${kind} ${op} type-checks`).toEqual([]);
      }
    });
  }

  it('covers every operator of the table', () => {
    const used = new Set(Object.values(OPERATORS_BY_KIND).flat());
    expect([...used].sort()).toEqual(Object.keys(OPERATORS).sort());
  });
});

describe('groups', () => {
  const tree: FilterGroup = {
    kind: 'group',
    join: 'and',
    children: [
      { kind: 'condition', field: 'title', op: 'contains', value: 'x' },
      { kind: 'group', join: 'or', children: [{ kind: 'condition', field: 'qty', op: 'gt', value: 5 }, { kind: 'condition', field: 'ok', op: 'is_true' }] },
    ],
  };
  const logic = { and: [{ contains: [{ var: 'title' }, 'x'] }, { or: [{ '>': [{ var: 'qty' }, 5] }, { '==': [{ var: 'ok' }, true] }] }] };

  it('nest AND and OR both ways', () => {
    expect(toJsonLogic(tree, FIELDS)).toEqual(logic);
    expect(fromJsonLogic(logic, FIELDS)).toEqual(tree);
  });

  it('leave incomplete conditions and empty groups out; no condition is no filter', () => {
    expect(toJsonLogic(emptyFilter(), FIELDS)).toBeUndefined();
    const partial: FilterGroup = { ...tree, children: [{ kind: 'condition', field: 'title', op: 'contains' }, { kind: 'group', join: 'or', children: [] }, tree.children[1]!] };
    expect(toJsonLogic(partial, FIELDS)).toEqual(logic.and[1]);
    expect(toJsonLogic({ kind: 'condition', field: 'qty', op: 'between', value: [1, undefined] }, FIELDS)).toBeUndefined();
  });

  it('refuse what the builder cannot show', () => {
    expect(fromJsonLogic({ '>': [{ var: 'qty' }, { var: 'margin' }] }, FIELDS)).toBeUndefined();
    expect(fromJsonLogic({ regex_match: [{ var: 'title' }, '^a'] }, FIELDS)).toBeUndefined();
    expect(fromJsonLogic({ '==': [{ var: 'ghost' }, 1] }, FIELDS)).toBeUndefined();
    expect(fromJsonLogic({ and: [{ '==': [{ var: 'title' }, 'a'] }, { '==': [{ var: 'ghost' }, 1] }] }, FIELDS)).toBeUndefined();
    expect(fromJsonLogic({ contains: [{ var: 'qty' }, 'a'] }, FIELDS)).toBeUndefined();
  });
});

function Harness({ onLogic }: { onLogic(l: unknown): void }) {
  const [value, setValue] = useState<FilterGroup>(emptyFilter());
  return (
    <FilterBuilder
      fields={FIELDS}
      value={value}
      onChange={(next) => {
        setValue(next);
        onLogic(toJsonLogic(next, FIELDS));
      }}
    />
  );
}

describe('the builder', () => {
  it('builds conditions and an OR group from clicks and typing', () => {
    let logic: unknown;
    render(
      <I18nProvider initial="en">
        <Harness onLogic={(l) => (logic = l)} />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByTestId('filter-add-condition'));
    fireEvent.change(screen.getByTestId('filter-field'), { target: { value: 'qty' } });
    fireEvent.change(screen.getByTestId('filter-op'), { target: { value: 'ge' } });
    fireEvent.change(screen.getByLabelText('Value'), { target: { value: '12' } });
    expect(logic).toEqual({ '>=': [{ var: 'qty' }, 12] });
    expect(screen.getByTestId('filter-op').textContent).toContain('at least / on or after');

    fireEvent.click(screen.getAllByTestId('filter-add-group')[0]!);
    const fieldSelects = screen.getAllByTestId('filter-field');
    fireEvent.change(fieldSelects[1]!, { target: { value: 'stage' } });
    fireEvent.click(screen.getByRole('button', { name: 'Won' }));
    // The nested group's own add button comes first in the document (the outer one follows the nested group).
    fireEvent.click(screen.getAllByTestId('filter-add-condition')[0]!);
    fireEvent.change(screen.getAllByTestId('filter-field')[2]!, { target: { value: 'ok' } });
    expect(logic).toEqual({ and: [{ '>=': [{ var: 'qty' }, 12] }, { or: [{ in: [{ var: 'stage' }, ['won']] }, { '==': [{ var: 'ok' }, true] }] }] });

    fireEvent.change(screen.getAllByTestId('filter-join')[0]!, { target: { value: 'or' } });
    expect((logic as Record<string, unknown>).or).toBeDefined();
    fireEvent.click(screen.getAllByRole('button', { name: 'Remove' })[0]!);
    expect(logic).toEqual({ or: [{ in: [{ var: 'stage' }, ['won']] }, { '==': [{ var: 'ok' }, true] }] });
  });

  it('shows labels in Chinese', () => {
    render(
      <I18nProvider initial="zh-CN">
        <Harness onLogic={() => undefined} />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByTestId('filter-add-condition'));
    expect(screen.getByTestId('filter-op').textContent).toContain('包含');
    expect(screen.getByTestId('filter-join').textContent).toContain('满足全部条件');
  });
});
