import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';
import { expectEachTestLeavesUnchanged } from '../../helpers/unchanged';

let t: TestTenant;
const city = (extra: Record<string, unknown> = {}) => ({
  label: 'City',
  fields: [
    { name: 'province', type: 'picklist', label: 'Province', options: { values: [{ value: 'zj', label: '浙江' }, { value: 'js', label: '江苏' }] } },
    { name: 'city', type: 'picklist', label: 'City', options: { values: [{ value: 'hz', label: '杭州' }, { value: 'nj', label: '南京' }], controllingField: 'province', dependencies: { zj: ['hz'], js: ['nj'] } } },
  ],
  layout: { sections: [{ label: 'Main', fields: ['province', 'city'] }] },
  ...extra,
});

beforeAll(async () => {
  t = await startTestTenant('changesetfail');
  await t.admin.defineObject({ name: 'place', ...city() });
  await t.admin.post('/records/place', { name: 'West Lake', province: 'zj', city: 'hz' });
});
afterAll(() => t?.close());

/** Everything a refused changeset could have written: versions, the metadata and the table's columns and rows. */
expectEachTestLeavesUnchanged(async () => ({
  versions: (await t.admin.get('/metadata/versions')).body.versions,
  objects: (await t.admin.get('/metadata/objects')).body,
  columns: await t.sql("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = ? ORDER BY 1, 2", [t.tenant.schema]),
  rows: await t.sql(`SELECT name, province, city FROM "${t.tenant.schema}".place ORDER BY name`),
}));

const refused = async (path: string, body: unknown, status: number, code: string) => {
  const res = await t.admin.post(path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
  return res.body.error;
};

describe('a changeset the body shape refuses', () => {
  it.each([
    ['a list instead of an object', [], '/'],
    ['an unknown key', { object: {} }, '/object'],
    ['objects as a list', { objects: [] }, '/objects'],
    ['value sets as text', { valueSets: 'colours' }, '/valueSets'],
    ['deleteObjects holding a number', { deleteObjects: [1] }, '/deleteObjects'],
    ['a summary over 500 characters', { summary: 'x'.repeat(501) }, '/summary'],
  ])('%s: 400 METADATA_INVALID at its path', async (_what, body, path) => {
    const e = await refused('/metadata/changes', body, 400, 'METADATA_INVALID');
    expect(e.details.issues[0].path).toBe(path);
  });

  it('an object both written and deleted', async () => {
    const e = await refused('/metadata/changes?confirm=true', { objects: { place: city() }, deleteObjects: ['place'] }, 400, 'METADATA_INVALID');
    expect(e.details.issues).toEqual([expect.objectContaining({ path: '/deleteObjects/0', code: 'CHANGE_CONFLICT' })]);
  });

  it('more than 500 documents', async () => {
    const objects = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`o${i}`, { label: 'O', fields: [] }]));
    await refused('/metadata/changes?dryRun=true', { objects }, 400, 'METADATA_INVALID');
  });

  it('a preview list that is not object names', async () => {
    await refused('/metadata/changes?dryRun=true&preview=Place;drop', { objects: { place: city() } }, 400, 'REQUEST_INVALID');
  });
});

describe('a changeset whose documents are wrong: every problem, at its path in the snapshot', () => {
  it('bad documents in two objects and a value set are all reported', async () => {
    const e = await refused(
      '/metadata/changes?dryRun=true',
      {
        objects: { place: { ...city(), fields: [{ name: 'Bad Name', type: 'text', label: 'X' }] }, other: { label: 'O', fields: [{ name: 'n', type: 'nosuch', label: 'N' }] } },
        valueSets: { colours: { label: 'C', values: [{ value: 'bad value', label: 'B' }] } },
      },
      400,
      'METADATA_INVALID',
    );
    const paths = e.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['/objects/place/fields/0/name', '/objects/other/fields/0/type', '/valueSets/colours/values/0/value']));
  });

  it('a body naming another object than its key', async () => {
    const e = await refused('/metadata/changes', { objects: { place: { ...city(), name: 'elsewhere' } } }, 400, 'METADATA_INVALID');
    expect(e.details.issues).toEqual([expect.objectContaining({ path: '/objects/place/name', code: 'NAME_MISMATCH' })]);
  });

  it('two fields with the same name', async () => {
    const fields = [...city().fields, { name: 'city', type: 'text', label: 'City again' }];
    const e = await refused('/metadata/changes?dryRun=true', { objects: { place: { ...city(), fields } } }, 400, 'METADATA_INVALID');
    expect(e.details.issues.some((i: { path: string }) => i.path.startsWith('/objects/place/fields/2'))).toBe(true);
  });

  it('a dependent picklist whose controlling field the draft deletes', async () => {
    const fields = city().fields.filter((f) => f.name !== 'province');
    const e = await refused('/metadata/changes?dryRun=true', { objects: { place: { ...city(), fields, layout: { sections: [{ label: 'Main', fields: ['city'] }] } } } }, 400, 'METADATA_INVALID');
    expect(e.details.issues[0].path).toMatch(/^\/objects\/place\/fields\/0\/options\/controllingField/);
  });

  it('a layout naming a field the draft removed', async () => {
    const fields = city().fields.map((f) => (f.name === 'city' ? { name: 'city', type: 'picklist', label: 'City', options: { values: f.options.values } } : f));
    const layout = { sections: [{ label: 'Main', fields: ['province', 'city', 'district'] }] };
    const e = await refused('/metadata/changes?dryRun=true', { objects: { place: { ...city(), fields, layout } } }, 400, 'METADATA_INVALID');
    expect(e.details.issues[0].path).toBe('/objects/place/layout/sections/0/fields/2');
  });

  it('a formula that does not type-check', async () => {
    const fields = [...city().fields, { name: 'doubled', type: 'formula', label: 'D', options: { expression: { '*': [{ var: 'province' }, 2] }, returns: 'number' } }];
    const e = await refused('/metadata/changes?dryRun=true', { objects: { place: { ...city(), fields } } }, 400, 'METADATA_RULE_INVALID');
    expect(e.details.issues[0].path).toMatch(/^\/objects\/place\/fields\/2\/options\/expression/);
  });

  it('deleting an object that does not exist', async () => {
    await refused('/metadata/changes?confirm=true', { deleteObjects: ['nowhere'] }, 404, 'OBJECT_NOT_FOUND');
  });
});

describe('a changeset refused by the publish pipeline', () => {
  it('a stale baseVersion: 409 with the current version', async () => {
    const current = (await t.admin.get('/metadata/versions')).body.versions[0].version;
    const e = await refused(`/metadata/changes?baseVersion=${current - 1}`, { objects: { place: city({ label: 'Place' }) } }, 409, 'METADATA_VERSION_CONFLICT');
    expect(e.details.currentVersion).toBe(current);
  });

  it('a destructive change without confirm: the plan comes back, nothing is trashed', async () => {
    const e = await refused('/metadata/changes', { deleteObjects: ['place'] }, 400, 'METADATA_CONFIRMATION_REQUIRED');
    expect(e.details.plan).toEqual([expect.objectContaining({ kind: 'trashTable', destructive: true })]);
  });

  it('a user who is not an administrator', async () => {
    const u = await t.newUser();
    const res = await u.client.post('/metadata/changes?confirm=true', { deleteObjects: ['place'] });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('AUTH_FORBIDDEN');
  });
});
