import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadPack, packsDir } from '../../../engine/packs/load-pack';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant('openapileads');
  const pack = loadPack(path.join(packsDir, 'crm-core'));
  const res = await t.admin.post('/metadata/changes', {
    objects: Object.fromEntries((pack.objects as { name: string }[]).map((o) => [o.name, o])),
    valueSets: Object.fromEntries((pack.valueSets as { name: string }[]).map((v) => [v.name, v])),
  });
  expect(res.status).toBe(200);
});
afterAll(() => t?.close());

it('documents duplicates, merge, export, import jobs and — where the metadata defines it — conversion and assignment', async () => {
  const doc = (await t.admin.get('/openapi.json')).body;
  const paths = Object.keys(doc.paths);
  for (const p of ['/records/lead/duplicates', '/records/lead/merge', '/records/lead/export.csv', '/records/lead/export.xlsx', '/records/lead/imports', '/records/lead/imports/{importId}/start', '/records/lead/imports/{importId}/rejected.csv', '/records/lead/{id}/convert']) {
    expect(paths, p).toContain(p);
  }
  // Only leads convert in crm-core; no object has assignment rules yet.
  expect(paths.filter((p) => p.endsWith('/convert'))).toEqual(['/records/lead/{id}/convert']);
  expect(paths.some((p) => p.endsWith('/assign'))).toBe(false);
  const convert = doc.paths['/records/lead/{id}/convert'].post;
  const targets = convert.requestBody.content['application/json'].schema.properties.targets.properties;
  expect(Object.keys(targets)).toEqual(['account', 'contact', 'opportunity']);
  expect(targets.opportunity.properties.action.enum).toEqual(['create', 'existing', 'skip']);
  expect(targets.account.properties.action.enum).toEqual(['create', 'existing']);
  expect(doc.paths['/records/lead'].post.parameters.map((p: { name: string }) => p.name)).toContain('allowDuplicates');
  const ids = Object.values(doc.paths).flatMap((item) => Object.values(item as Record<string, { operationId?: string }>).map((op) => op.operationId).filter(Boolean));
  expect(new Set(ids).size).toBe(ids.length);
});
