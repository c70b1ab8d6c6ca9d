import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
const q = (rule: unknown) => encodeURIComponent(JSON.stringify(rule));
const names = (res: { body: { records: { name: string }[] } }) => res.body.records.map((r) => r.name).sort();

beforeAll(async () => {
  t = await startTestTenant('listfilter');
  await t.admin.defineObject({ name: 'region', label: 'Region', fields: [{ name: 'code', type: 'text', label: 'Code' }] });
  await t.admin.defineObject({
    name: 'company',
    label: 'Company',
    fields: [
      { name: 'region', type: 'lookup', label: 'Region', options: { target: 'region', onDelete: 'setNull' } },
      { name: 'industry', type: 'picklist', label: 'Industry', options: { values: [{ value: 'it', label: 'IT' }, { value: 'retail', label: 'Retail' }] } },
    ],
  });
  await t.admin.defineObject({
    name: 'visit',
    label: 'Visit',
    fields: [
      { name: 'company', type: 'lookup', label: 'Company', options: { target: 'company', onDelete: 'cascade' } },
      { name: 'planned', type: 'integer', label: 'Planned minutes' },
      { name: 'actual', type: 'integer', label: 'Actual minutes' },
    ],
  });
  const east = (await t.admin.post('/records/region', { name: 'East', code: 'E' })).body;
  const west = (await t.admin.post('/records/region', { name: 'West', code: 'W' })).body;
  const a = (await t.admin.post('/records/company', { name: 'A', region: east.id, industry: 'it' })).body;
  const b = (await t.admin.post('/records/company', { name: 'B', region: west.id, industry: 'it' })).body;
  const c = (await t.admin.post('/records/company', { name: 'C', region: east.id, industry: 'retail' })).body;
  await t.admin.post('/records/visit/bulk', {
    records: [
      { name: 'v1', company: a.id, planned: 30, actual: 45 },
      { name: 'v2', company: b.id, planned: 60, actual: 50 },
      { name: 'v3', company: c.id, planned: 20, actual: 20 },
      { name: 'v4', planned: 10, actual: 99 },
    ],
  });
});
afterAll(() => t?.close());

describe('list filters in the one rule language', () => {
  it('read through one or more lookups', async () => {
    expect(names(await t.admin.get(`/records/visit?filter=${q({ '==': [{ var: 'company.industry' }, 'it'] })}`))).toEqual(['v1', 'v2']);
    expect(names(await t.admin.get(`/records/visit?filter=${q({ '==': [{ var: 'company.region.code' }, 'E'] })}`))).toEqual(['v1', 'v3']);
    expect(names(await t.admin.get(`/records/visit?filter=${q({ '==': [{ var: 'company.region.code' }, null] })}`))).toEqual(['v4']);
  });

  it('compare fields with each other and use expressions', async () => {
    expect(names(await t.admin.get(`/records/visit?filter=${q({ '>': [{ var: 'actual' }, { var: 'planned' }] })}`))).toEqual(['v1', 'v4']);
    expect(names(await t.admin.get(`/records/visit?filter=${q({ '>=': [{ '-': [{ var: 'actual' }, { var: 'planned' }] }, 15] })}`))).toEqual(['v1', 'v4']);
  });

  it('bind $user per request', async () => {
    const mine = await t.admin.get(`/records/visit?count=true&filter=${q({ '==': [{ var: 'owner_id' }, { var: '$user.id' }] })}`);
    expect(mine.body.total).toBe(4);
    const user = await t.newUser();
    const theirs = await user.client.get(`/records/visit?count=true&filter=${q({ '==': [{ var: 'owner_id' }, { var: '$user.id' }] })}`);
    expect(theirs.body.total).toBe(0);
  });

  it('refuse an unknown path, a non-id for a lookup, and operations SQL cannot run', async () => {
    expect((await t.admin.get(`/records/visit?filter=${q({ '==': [{ var: 'company.ghost' }, 1] })}`)).body.error.code).toBe('QUERY_UNKNOWN_FIELD');
    expect((await t.admin.get(`/records/visit?filter=${q({ '==': [{ var: 'company' }, 'not-an-id'] })}`)).body.error).toMatchObject({ code: 'QUERY_INVALID_FILTER', details: { path: '/==/1' } });
    expect((await t.admin.get(`/records/visit?filter=${q({ regex_match: [{ var: 'name' }, '^v'] })}`)).body.error.code).toBe('RULE_NOT_COMPILABLE');
  });
});
