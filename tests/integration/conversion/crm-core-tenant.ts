import path from 'node:path';
import { expect } from 'vitest';
import { loadPack, packsDir } from '../../../engine/packs/load-pack';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import type { TestTenant } from '../../helpers/test-server';

/** crm-core's objects by name, for a test to adjust before publishing. */
export function crmCoreObjects(): Record<string, RawObjectDef> {
  const pack = loadPack(path.join(packsDir, 'crm-core'));
  return Object.fromEntries((pack.objects as RawObjectDef[]).map((o) => [o.name, structuredClone(o)]));
}

/** Publishes crm-core (objects as given, the pack's value sets) into the test tenant. */
export async function publishCrmCore(t: TestTenant, objects: Record<string, RawObjectDef> = crmCoreObjects()): Promise<void> {
  const pack = loadPack(path.join(packsDir, 'crm-core'));
  const res = await t.admin.post('/metadata/changes', {
    objects,
    valueSets: Object.fromEntries((pack.valueSets as { name: string }[]).map((v) => [v.name, v])),
  });
  expect(res.status, JSON.stringify(res.body).slice(0, 2000)).toBe(200);
}

/** Rows in the conversion's tables, to prove a refused conversion wrote nothing. */
export async function rowCounts(t: TestTenant): Promise<Record<string, number>> {
  const s = t.tenant.schema;
  const out: Record<string, number> = {};
  for (const table of ['account', 'contact', 'opportunity', '_conversions']) {
    out[table] = Number((await t.sql(`SELECT count(*)::int AS n FROM "${s}"."${table}"`))[0].n);
  }
  return out;
}

/** A new lead (admin's), its id. */
export async function newLead(t: TestTenant, values: Record<string, unknown>): Promise<string> {
  const res = await t.admin.post('/records/lead', values);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}
