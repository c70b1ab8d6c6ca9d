import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawField } from '../../../engine/shared/metadata-types';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant('rulefail');
  await t.admin.defineObject({ name: 'item', label: 'Item', fields: [{ name: 'price', type: 'number', label: 'Price' }, { name: 'made', type: 'date', label: 'Made' }] });
});
afterAll(() => t?.close());

const base: RawField[] = [{ name: 'price', type: 'number', label: 'Price' }, { name: 'made', type: 'date', label: 'Made' }];
async function refused(formulas: RawField[]) {
  const versions = (await t.admin.get('/metadata/versions')).body.versions.length;
  const res = await t.admin.put('/metadata/objects/item', { name: 'item', label: 'Item', fields: [...base, ...formulas] });
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('METADATA_RULE_INVALID');
  expect((await t.admin.get('/metadata/versions')).body.versions.length).toBe(versions);
  return res.body.error.details.issues as { path: string; message: string }[];
}
const formula = (name: string, expression: unknown, returns = 'number'): RawField => ({ name, type: 'formula', label: name, options: { expression, returns } });

describe('bad rules are refused at publish with the JSON path of the bad node', () => {
  it('type mismatch', async () => {
    expect(await refused([formula('f', { '+': [{ var: 'price' }, { var: 'made' }] })])).toEqual([{ path: '/fields/2/options/expression/+/1', code: 'RULE_INVALID', message: '"+" does not take a date here (expects number)' }]);
  });

  it('unknown field and unknown operation', async () => {
    expect((await refused([formula('f', { '*': [{ var: 'nope' }, 2] })]))[0]!.path).toBe('/fields/2/options/expression/*/0/var');
    expect((await refused([formula('f', { explode: [1] })]))[0]).toMatchObject({ path: '/fields/2/options/expression/explode', message: 'unknown operation "explode"' });
  });

  it('malformed json-logic: an object with two operators, a non-finite shape', async () => {
    expect((await refused([formula('f', { '+': [1, 2], '-': [3] })]))[0]).toMatchObject({ path: '/fields/2/options/expression', message: 'a json-logic rule has exactly one operator' });
    expect((await refused([formula('f', { '+': [1, { var: ['price', 0] }] })]))[0]!.message).toMatch(/defaults are not supported/);
  });

  it('a result of the wrong type', async () => {
    expect((await refused([formula('f', { '>': [{ var: 'price' }, 1] }, 'number')]))[0]!.message).toBe('the rule gives a boolean, expected number');
  });

  it('formulas that refer to each other in a cycle', async () => {
    const issues = await refused([formula('a', { '+': [{ var: 'b' }, 1] }), formula('b', { '+': [{ var: 'a' }, 1] })]);
    expect(issues[0]!.message).toMatch(/cycle: item\.a → item\.b → item\.a/);
  });

  it('nesting deeper than 64 and lists over 10,000 items', async () => {
    let deep: unknown = { var: 'price' };
    for (let i = 0; i < 65; i++) deep = { abs: [deep] };
    expect((await refused([formula('f', deep)]))[0]!.message).toMatch(/at most 64 levels/);
    const list = Array.from({ length: 10001 }, (_, i) => i);
    expect((await refused([formula('f', { in: [{ var: 'price' }, list] }, 'boolean')]))[0]!.message).toMatch(/limited to 10000/);
  });

  it('what only the interpreter can run, and what depends on the reader', async () => {
    expect((await refused([{ name: 'code', type: 'text', label: 'Code' }, formula('f', { regex_match: [{ var: 'code' }, '^A'] }, 'boolean')]))[0]).toMatchObject({ code: 'RULE_NOT_COMPILABLE' });
    expect((await refused([formula('f', { '==': [{ var: '$user.id' }, 'x'] }, 'boolean')]))[0]!.message).toMatch(/must not depend on who reads it/);
  });

  it('an index on a formula', async () => {
    const res = await t.admin.put('/metadata/objects/item', { name: 'item', label: 'Item', fields: [...base, formula('f', { var: 'price' })], indexes: [{ fields: ['f'] }] });
    expect(res.body.error.code).toBe('METADATA_RULE_INVALID');
  });

  it('a unique or indexed formula', async () => {
    expect(await refused([{ ...formula('f', { var: 'price' }), unique: true }])).toEqual([{ path: '/fields/2/unique', code: 'RULE_INVALID', message: 'formula fields cannot be unique or indexed' }]);
    expect(await refused([{ ...formula('f', { var: 'price' }), indexed: true }])).toEqual([{ path: '/fields/2/indexed', code: 'RULE_INVALID', message: 'formula fields cannot be unique or indexed' }]);
  });

  it('a rule default that reads through a lookup', async () => {
    await t.admin.defineObject({ name: 'maker', label: 'Maker', fields: [{ name: 'country', type: 'text', label: 'Country' }] });
    const issues = await refused([{ name: 'maker', type: 'lookup', label: 'Maker', options: { target: 'maker' } }, { name: 'origin', type: 'text', label: 'Origin', defaultValue: { var: 'maker.country' } }]);
    expect(issues).toEqual([{ path: '/fields/3/defaultValue', code: 'RULE_INVALID', message: expect.stringMatching(/cannot read through lookups/) }]);
  });
});

describe('runtime faults give null, never a 500', () => {
  it('division by zero and null arithmetic', async () => {
    await t.admin.defineObject({ name: 'item', label: 'Item', fields: [...base, formula('ratio', { '/': [100, { var: 'price' }] }), formula('next', { add_days: [{ var: 'made' }, 1] }, 'date')] });
    const zero = await t.admin.post('/records/item', { name: 'zero', price: 0 });
    expect(zero.status).toBe(201);
    expect(zero.body).toMatchObject({ ratio: null, next: null });
    const four = await t.admin.post('/records/item', { name: 'four', price: 4, made: '2026-02-28' });
    expect(four.body).toMatchObject({ ratio: 25, next: '2026-03-01' });
  });
});
