import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawField, RawObjectDef } from '../../../engine/shared/metadata-types';
import type { ApiClient } from '../../helpers/test-server';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';
import { expectEachTestLeavesUnchanged } from '../../helpers/unchanged';

let t: TestTenant;
let user: ApiClient;
let accountId: string;

const TOTAL: RawField = { name: 'total', type: 'rollup', label: 'Total', options: { relation: 'fr_opp.account', function: 'sum', field: 'amount' } };
const REGION: RawField = { name: 'region', type: 'text', label: 'Region' };
const account = (fields: RawField[]): RawObjectDef => ({ name: 'fr_account', label: 'Account', fields });
const OPP_FIELDS: RawField[] = [
  { name: 'account', type: 'lookup', label: 'Account', options: { target: 'fr_account' } },
  { name: 'other', type: 'lookup', label: 'Other', options: { target: 'fr_other' } },
  { name: 'amount', type: 'number', label: 'Amount' },
  { name: 'label', type: 'text', label: 'Label' },
  { name: 'due', type: 'date', label: 'Due' },
];
const opp = (fields: RawField[] = OPP_FIELDS): RawObjectDef => ({ name: 'fr_opp', label: 'Opportunity', fields });

beforeAll(async () => {
  t = await startTestTenant('failrollup');
  await t.admin.defineObject(account([REGION]));
  await t.admin.defineObject({ name: 'fr_other', label: 'Other', fields: [] });
  await t.admin.defineObject(opp());
  await t.admin.defineObject(account([REGION, TOTAL]));
  accountId = (await t.admin.post('/records/fr_account', { name: 'Acme' })).body.id;
  await t.admin.post('/records/fr_opp', { name: 'O', account: accountId, amount: 12.5 });
  user = (await t.newUser()).client;
});
afterAll(() => t?.close());

const sql = (text: string, params: unknown[] = []) => t.sql(text, params);

/** Everything a refused change must leave alone, triggers and functions included. */
async function state() {
  const versions = (await t.admin.get('/metadata/versions')).body.versions;
  const columns = await sql('SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = ? ORDER BY 1, 2', [t.tenant.schema]);
  const triggers = await sql('SELECT tgname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND NOT tgisinternal ORDER BY 1', [t.tenant.schema]);
  const functions = await sql('SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ? ORDER BY 1', [t.tenant.schema]);
  const account = (await t.admin.get(`/records/fr_account/${accountId}`)).body;
  return { versions, columns, triggers, functions, account };
}

expectEachTestLeavesUnchanged(state);

const issuesOf = (res: { status: number; body: any }) => {
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('METADATA_INVALID');
  return res.body.error.details.issues as { path: string; code: string; message: string }[];
};

const rollup = (options: Record<string, unknown>, extra: Partial<RawField> = {}): RawField => ({ name: 'bad', type: 'rollup', label: 'Bad', options, ...extra });

interface Case {
  title: string;
  field: RawField;
  issues: { path: string; code: string; message: string }[];
}

const CASES: Case[] = [
  {
    title: 'a child object that does not exist',
    field: rollup({ relation: 'fr_nope.account', function: 'count' }),
    issues: [{ path: '/fields/2/options/relation', code: 'INVALID_SETTING', message: `the roll-up's child object "fr_nope" does not exist` }],
  },
  {
    title: 'a child field that does not exist',
    field: rollup({ relation: 'fr_opp.nope', function: 'count' }),
    issues: [{ path: '/fields/2/options/relation', code: 'INVALID_SETTING', message: 'fr_opp has no field "nope" for the roll-up to follow' }],
  },
  {
    title: 'a relation through a field that is not a lookup',
    field: rollup({ relation: 'fr_opp.label', function: 'count' }),
    issues: [{ path: '/fields/2/options/relation', code: 'INVALID_SETTING', message: 'fr_opp.label is a text field, not a lookup' }],
  },
  {
    title: 'a lookup that targets another object',
    field: rollup({ relation: 'fr_opp.other', function: 'count' }),
    issues: [{ path: '/fields/2/options/relation', code: 'INVALID_SETTING', message: 'fr_opp.other refers to fr_other, not to fr_account' }],
  },
  {
    title: 'sum over a text field',
    field: rollup({ relation: 'fr_opp.account', function: 'sum', field: 'label' }),
    issues: [{ path: '/fields/2/options/field', code: 'INVALID_SETTING', message: 'sum needs an integer, number, currency or percent field; fr_opp.label is text' }],
  },
  {
    title: 'avg over a date field',
    field: rollup({ relation: 'fr_opp.account', function: 'avg', field: 'due' }),
    issues: [{ path: '/fields/2/options/field', code: 'INVALID_SETTING', message: 'avg needs an integer, number, currency or percent field; fr_opp.due is date' }],
  },
  {
    title: 'max over a lookup field',
    field: rollup({ relation: 'fr_opp.account', function: 'max', field: 'other' }),
    issues: [{ path: '/fields/2/options/field', code: 'INVALID_SETTING', message: 'max needs an integer, number, currency, percent, date or datetime field; fr_opp.other is lookup' }],
  },
  {
    title: 'sum without a field',
    field: rollup({ relation: 'fr_opp.account', function: 'sum' }),
    issues: [{ path: '/fields/2/options/field', code: 'INVALID_SETTING', message: 'sum needs the child field to summarize' }],
  },
  {
    title: 'count with a field',
    field: rollup({ relation: 'fr_opp.account', function: 'count', field: 'amount' }),
    issues: [{ path: '/fields/2/options/field', code: 'INVALID_SETTING', message: 'count counts child records; leave out field' }],
  },
  {
    title: 'a summarized field that does not exist',
    field: rollup({ relation: 'fr_opp.account', function: 'min', field: 'nope' }),
    issues: [{ path: '/fields/2/options/field', code: 'INVALID_SETTING', message: 'fr_opp has no field "nope"' }],
  },
  {
    title: 'a filter over an unknown field',
    field: rollup({ relation: 'fr_opp.account', function: 'count', filter: { '==': [{ var: 'nope' }, 1] } }),
    issues: [{ path: '/fields/2/options/filter/==/0/var', code: 'INVALID_SETTING', message: 'unknown field "nope"' }],
  },
  {
    title: 'a filter value of the wrong type, deep inside',
    field: rollup({ relation: 'fr_opp.account', function: 'count', filter: { and: [{ '==': [{ var: 'label' }, 'x'] }, { '>': [{ var: 'amount' }, 'lots'] }] } }),
    issues: [{ path: '/fields/2/options/filter/and/1/>/1', code: 'INVALID_SETTING', message: '">" cannot mix number and string' }],
  },
  {
    title: 'a filter over another roll-up',
    field: rollup({ relation: 'fr_opp.account', function: 'count', filter: { '==': [{ var: 'total' }, 1] } }),
    issues: [{ path: '/fields/2/options/filter/==/0/var', code: 'INVALID_SETTING', message: 'unknown field "total"' }],
  },
  {
    title: 'a filter that is not json-logic',
    field: rollup({ relation: 'fr_opp.account', function: 'count', filter: { reduce: [] } }),
    issues: [{ path: '/fields/2/options/filter/reduce', code: 'INVALID_SETTING', message: 'unknown operation "reduce"' }],
  },
  {
    title: 'a filter only the interpreter can run',
    field: rollup({ relation: 'fr_opp.account', function: 'count', filter: { regex_match: [{ var: 'label' }, '^A'] } }),
    issues: [{ path: '/fields/2/options/filter/regex_match', code: 'INVALID_SETTING', message: '"regex_match" runs only in forms and validation rules, not in lists, filters or formulas' }],
  },
  {
    title: 'an unknown function',
    field: rollup({ relation: 'fr_opp.account', function: 'median', field: 'amount' }),
    issues: [{ path: '/fields/2/options/function', code: 'SCHEMA_ENUM', message: 'must be equal to one of the allowed values' }],
  },
  {
    title: 'a relation that is not object.field',
    field: rollup({ relation: 'fr_opp', function: 'count' }),
    issues: [{ path: '/fields/2/options/relation', code: 'SCHEMA_PATTERN', message: expect.stringContaining('must match pattern') as unknown as string }],
  },
  {
    title: 'required, unique and a default value',
    field: rollup({ relation: 'fr_opp.account', function: 'count' }, { required: true, unique: true, defaultValue: 3 }),
    issues: ['required', 'unique', 'defaultValue'].map((key) => ({ path: `/fields/2/${key}`, code: 'INVALID_SETTING', message: `a roll-up is computed from child records and cannot have ${key}` })),
  },
];

describe('invalid roll-ups get 400 METADATA_INVALID with the path of the bad setting, and change nothing', () => {
  it.each(CASES)('$title', async ({ field, issues }) => {
    const res = await t.admin.put('/metadata/objects/fr_account', account([REGION, TOTAL, field]));
    expect(issuesOf(res)).toEqual(issues);
    expect(issuesOf(await t.admin.put('/metadata/objects/fr_account?dryRun=true', account([REGION, TOTAL, field])))).toEqual(issues);
  });
});

describe('changes that would break a roll-up are refused unless it goes too', () => {
  const relationGone = { path: '/objects/fr_account/fields/1/options/relation', code: 'INVALID_SETTING' };

  it('removing the child lookup it follows', async () => {
    const res = await t.admin.put('/metadata/objects/fr_opp?confirm=true', opp(OPP_FIELDS.filter((f) => f.name !== 'account')));
    expect(issuesOf(res)).toEqual([{ ...relationGone, message: 'fr_opp has no field "account" for the roll-up to follow' }]);
  });

  it('re-targeting the child lookup at another object', async () => {
    const retargeted = OPP_FIELDS.map((f) => (f.name === 'account' ? { ...f, options: { target: 'fr_other' } } : f));
    expect(issuesOf(await t.admin.put('/metadata/objects/fr_opp', opp(retargeted)))).toEqual([{ ...relationGone, message: 'fr_opp.account refers to fr_other, not to fr_account' }]);
  });

  it('removing the summed field, or making it text', async () => {
    const gone = await t.admin.put('/metadata/objects/fr_opp?confirm=true', opp(OPP_FIELDS.filter((f) => f.name !== 'amount')));
    expect(issuesOf(gone)).toEqual([{ path: '/objects/fr_account/fields/1/options/field', code: 'INVALID_SETTING', message: 'fr_opp has no field "amount"' }]);
    const text = OPP_FIELDS.map((f) => (f.name === 'amount' ? { ...f, type: 'text' } : f));
    expect(issuesOf(await t.admin.put('/metadata/objects/fr_opp', opp(text)))).toContainEqual({ path: '/objects/fr_account/fields/1/options/field', code: 'INVALID_SETTING', message: 'sum needs an integer, number, currency or percent field; fr_opp.amount is text' });
  });

  it('deleting the child object', async () => {
    const res = await t.admin.delete('/metadata/objects/fr_opp?confirm=true');
    expect(issuesOf(res)).toEqual([{ ...relationGone, message: `the roll-up's child object "fr_opp" does not exist` }]);
  });

  it('turning a roll-up into a plain number, or a number into a roll-up', async () => {
    const plain = await t.admin.put('/metadata/objects/fr_account', account([REGION, { name: 'total', type: 'number', label: 'Total' }]));
    expect(plain.status).toBe(400);
    expect(plain.body.error.code).toBe('METADATA_UNSAFE_CHANGE');
    const asRollup = await t.admin.put('/metadata/objects/fr_account', account([{ ...REGION, type: 'rollup', options: { relation: 'fr_opp.account', function: 'count' } }, TOTAL]));
    expect(asRollup.status).toBe(400);
    expect(asRollup.body.error.code).toBe('METADATA_UNSAFE_CHANGE');
  });
});

describe('roll-up values cannot be written', () => {
  const unknown = (path: string) => ({ error: { code: 'RECORD_VALIDATION_FAILED', message: expect.any(String), details: { issues: [{ path, code: 'FIELD_UNKNOWN', message: 'is not a field of this object' }] } } });

  it('on create, update and bulk create: 400 RECORD_VALIDATION_FAILED (FIELD_UNKNOWN)', async () => {
    const created = await t.admin.post('/records/fr_account', { name: 'Forged', total: 1e6 });
    expect(created.status).toBe(400);
    expect(created.body).toEqual(unknown('/total'));
    const updated = await t.admin.patch(`/records/fr_account/${accountId}`, { total: 1e6, version: 1 });
    expect(updated.status).toBe(400);
    expect(updated.body).toEqual(unknown('/total'));
    const bulk = await t.admin.post('/records/fr_account/bulk', { records: [{ name: 'Forged', total: 5 }] });
    expect(bulk.status).toBe(400);
    expect(bulk.body.error.details.issues).toEqual([{ path: '/records/0/total', code: 'FIELD_UNKNOWN', message: 'is not a field of this object' }]);
    expect((await t.admin.get('/metadata/objects/fr_account/schema')).body.properties).not.toHaveProperty('total');
  });
});

describe('recompute refuses what it cannot do', () => {
  it('a field that is not a roll-up: 400 REQUEST_INVALID', async () => {
    const res = await t.admin.post('/metadata/objects/fr_account/fields/region/recompute');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'REQUEST_INVALID', message: 'fr_account.region is not a roll-up field' });
    expect((await t.admin.post('/metadata/objects/fr_account/fields/nope/recompute')).body.error.code).toBe('REQUEST_INVALID');
  });

  it('an unknown object: 404 OBJECT_NOT_FOUND', async () => {
    const res = await t.admin.post('/metadata/objects/fr_nope/fields/total/recompute');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('OBJECT_NOT_FOUND');
  });

  it('a user who is not an admin: 403', async () => {
    const res = await user.post('/metadata/objects/fr_account/fields/total/recompute');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('AUTH_FORBIDDEN');
  });
});
