import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadPack, packsDir } from '../../../engine/packs/load-pack';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant('leadmeta');
});
afterAll(() => t?.close());

it('publishes crm-core with its lead conversion, duplicate rules and their normalized form in describe', async () => {
  const pack = loadPack(path.join(packsDir, 'crm-core'));
  const res = await t.admin.post('/metadata/changes', {
    objects: Object.fromEntries((pack.objects as { name: string }[]).map((o) => [o.name, o])),
    valueSets: Object.fromEntries((pack.valueSets as { name: string }[]).map((v) => [v.name, v])),
  });
  expect(res.status, JSON.stringify(res.body).slice(0, 2000)).toBe(200);
  const lead = (await t.admin.get('/metadata/objects/lead/describe')).body.object;
  expect(lead.conversion.targets.map((x: { key: string; optional: boolean }) => [x.key, x.optional])).toEqual([['account', false], ['contact', false], ['opportunity', true]]);
  expect(lead.conversion.source).toMatchObject({ readOnly: true, links: { converted_account: 'account' } });
  expect(lead.duplicateRules.map((r: { name: string }) => r.name)).toEqual(['same_mobile', 'same_email', 'same_company_and_name']);
  const account = (await t.admin.get('/metadata/objects/account/describe')).body.object;
  expect(account.duplicateRules[1].conditions).toEqual([{ field: 'name', method: 'fuzzy', threshold: 0.6 }]);
  expect(account.assignmentRules).toEqual([]);
});
