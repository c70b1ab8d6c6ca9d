import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';
import { crmCoreObjects, newLead, publishCrmCore, rowCounts } from './crm-core-tenant';

let t: TestTenant;
let campaignId: string;
let rep: { id: string };

beforeAll(async () => {
  t = await startTestTenant('convok');
  const objects = crmCoreObjects();
  // Reads through a lookup (campaign.name) and the acting user ($user.id), beside the pack's plain mappings.
  const opportunity = objects.lead!.conversion!.targets.find((x) => x.key === 'opportunity')!;
  opportunity.fields.description = { cat: ['Campaign: ', { var: 'campaign.name' }] };
  objects.lead!.conversion!.targets.find((x) => x.key === 'contact')!.fields.wechat = { var: '$user.id' };
  await publishCrmCore(t, objects);
  campaignId = (await t.admin.post('/records/campaign', { name: 'Spring Expo 2025', type: 'trade_show' })).body.id;
  rep = await t.newUser();
});
afterAll(() => t?.close());

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

it('previews each target with its mapped values (lookups and $user read), flags and no suggestions for a new company', async () => {
  const id = await newLead(t, { name: 'Zhang San', company: 'Acme Robotics', title: 'CTO', email: 'zhang@acme.test', mobile: '13800000001', industry: 'it', province: 'beijing', city: 'Beijing', source: 'web', campaign: campaignId, estimated_amount: 120000 });
  const res = await t.admin.get(`/records/lead/${id}/convert`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body).toMatchObject({ object: 'lead', id, version: 1, readOnly: true, converted: null });
  const [account, contact, opportunity] = res.body.targets;
  expect(account).toMatchObject({ key: 'account', object: 'account', optional: false, allowExisting: true, links: {} });
  expect(account.values).toEqual({ name: 'Acme Robotics', industry: 'it', province: 'beijing', city: 'Beijing', email: 'zhang@acme.test', source: 'web', status: 'potential' });
  expect(contact).toMatchObject({ key: 'contact', optional: false, allowExisting: false, links: { account: 'account' } });
  expect(contact.values).toEqual({ name: 'Zhang San', title: 'CTO', mobile: '13800000001', email: 'zhang@acme.test', is_primary: true, wechat: t.adminId });
  expect(opportunity).toMatchObject({ key: 'opportunity', optional: true, links: { account: 'account', contact: 'contact' } });
  expect(opportunity.values).toEqual({
    name: 'Acme Robotics - Zhang San', stage: 'prospecting', amount: 120000, close_date: inDays(30), source: 'web', campaign: campaignId, description: 'Campaign: Spring Expo 2025',
  });
  expect(account.suggestions).toEqual([]);
  // The record page asks only whether the lead was converted.
  expect((await t.admin.get(`/records/lead/${id}/convert?summary=true`)).body).toEqual({ object: 'lead', id, version: 1, readOnly: true, converted: null, targets: [] });
});

it('converts a lead into an account, a contact and an opportunity in one go: mapped values, links, owner, the lead converted and read-only', async () => {
  const id = await newLead(t, { name: 'Li Si', company: 'Blue Ocean Trading', email: 'li@blueocean.test', industry: 'retail', source: 'referral', campaign: campaignId, estimated_amount: 5000 });
  const before = await rowCounts(t);
  const res = await t.admin.post(`/records/lead/${id}/convert`, { targets: { contact: { action: 'create', values: { title: 'Buyer' } } }, owner: rep.id, version: 1 });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const { account, contact, opportunity } = res.body.targets;
  expect(account).toMatchObject({ object: 'account', created: true });
  expect(contact).toMatchObject({ object: 'contact', created: true });
  expect(opportunity).toMatchObject({ object: 'opportunity', created: true });
  expect(await rowCounts(t)).toEqual({ account: before.account! + 1, contact: before.contact! + 1, opportunity: before.opportunity! + 1, _conversions: before._conversions! + 1 });

  const a = (await t.admin.get(`/records/account/${account.id}`)).body;
  expect(a).toMatchObject({ name: 'Blue Ocean Trading', industry: 'retail', source: 'referral', status: 'potential', email: 'li@blueocean.test', owner_id: rep.id });
  const c = (await t.admin.get(`/records/contact/${contact.id}`)).body;
  expect(c).toMatchObject({ name: 'Li Si', title: 'Buyer', account: account.id, is_primary: true, owner_id: rep.id });
  const o = (await t.admin.get(`/records/opportunity/${opportunity.id}`)).body;
  expect(o).toMatchObject({ name: 'Blue Ocean Trading - Li Si', account: account.id, contact: contact.id, campaign: campaignId, amount: 5000, stage: 'prospecting', close_date: inDays(30), owner_id: rep.id });

  expect(res.body.record).toMatchObject({ id, status: 'converted', converted: true, converted_account: account.id, converted_contact: contact.id, converted_opportunity: opportunity.id, version: 2 });
  expect(Date.now() - Date.parse(res.body.record.converted_at)).toBeLessThan(60_000);
  const [row] = await t.sql(`SELECT targets, converted_by FROM "${t.tenant.schema}"._conversions WHERE object = 'lead' AND record_id = ?`, [id]);
  expect(row).toEqual({ targets: res.body.targets, converted_by: t.adminId });

  // Read-only afterwards: single and bulk edits are refused, the preview says what it became.
  const patch = await t.admin.patch(`/records/lead/${id}`, { title: 'changed', version: 2 });
  expect(patch.status).toBe(409);
  expect(patch.body.error).toMatchObject({ code: 'RECORD_CONVERTED', details: { object: 'lead', ids: [id] } });
  const bulk = await t.admin.post('/records/lead/bulk-update', { ids: [id], values: { title: 'changed' } });
  expect(bulk.status).toBe(409);
  expect(bulk.body.error.code).toBe('RECORD_CONVERTED');
  expect((await t.admin.get(`/records/lead/${id}`)).body).toMatchObject({ version: 2, title: null });
  const preview = (await t.admin.get(`/records/lead/${id}/convert`)).body;
  expect(preview).toMatchObject({ converted: { targets: res.body.targets, convertedBy: t.adminId }, targets: [] });
});

it('attaches an existing account, skips the optional opportunity and leaves its link empty', async () => {
  const existing = (await t.admin.post('/records/account', { name: 'Existing Holdings' })).body.id as string;
  const id = await newLead(t, { name: 'Wang Wu', company: 'Existing Holdings', email: 'wang@existing.test' });
  const before = await rowCounts(t);
  const res = await t.admin.post(`/records/lead/${id}/convert`, { targets: { account: { action: 'existing', id: existing.toUpperCase() }, opportunity: { action: 'skip' } } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.targets).toEqual({ account: { object: 'account', id: existing, created: false }, contact: { object: 'contact', id: expect.any(String), created: true } });
  expect(await rowCounts(t)).toEqual({ ...before, contact: before.contact! + 1, _conversions: before._conversions! + 1 });
  const c = (await t.admin.get(`/records/contact/${res.body.targets.contact.id}`)).body;
  expect(c).toMatchObject({ account: existing, owner_id: t.adminId });
  expect(res.body.record).toMatchObject({ converted_account: existing, converted_opportunity: null, status: 'converted' });
});

it('suggests existing accounts that the account duplicate rules match', async () => {
  const existing = (await t.admin.post('/records/account', { name: 'Huaxin Technology Co., Ltd.' })).body.id as string;
  const id = await newLead(t, { name: 'Zhao Liu', company: 'Huaxin Technology' });
  const res = await t.admin.get(`/records/lead/${id}/convert`);
  expect(res.status).toBe(200);
  const account = res.body.targets[0];
  const suggested = account.suggestions.flatMap((m: { records: { id: string }[] }) => m.records.map((r) => r.id));
  expect(suggested).toContain(existing);
  expect(res.body.targets[1].suggestions).toEqual([]);
});

it("without a chosen owner the target's assignment rules choose one (else the converting user); a chosen owner wins", async () => {
  const objects = crmCoreObjects();
  objects.account!.assignmentRules = [{ name: 'all_accounts', assignTo: { type: 'user', user: rep.id } }];
  const opportunity = objects.lead!.conversion!.targets.find((x) => x.key === 'opportunity')!;
  opportunity.fields.description = { cat: ['Campaign: ', { var: 'campaign.name' }] };
  objects.lead!.conversion!.targets.find((x) => x.key === 'contact')!.fields.wechat = { var: '$user.id' };
  await publishCrmCore(t, objects);
  const byRules = await newLead(t, { name: 'Rule Routed', company: 'Routed By Rules Ltd' });
  const a = (await t.admin.post(`/records/lead/${byRules}/convert`, { targets: { opportunity: { action: 'skip' } } })).body.targets;
  expect((await t.admin.get(`/records/account/${a.account.id}`)).body.owner_id).toBe(rep.id);
  expect((await t.admin.get(`/records/contact/${a.contact.id}`)).body.owner_id).toBe(t.adminId);
  const chosen = await newLead(t, { name: 'Owner Chosen', company: 'Chosen Owner Ltd' });
  const b = (await t.admin.post(`/records/lead/${chosen}/convert`, { targets: { opportunity: { action: 'skip' } }, owner: t.adminId })).body.targets;
  expect((await t.admin.get(`/records/account/${b.account.id}`)).body.owner_id).toBe(t.adminId);
});

it('a converted lead can still be deleted by someone allowed to delete it', async () => {
  const id = await newLead(t, { name: 'Qian Qi', company: 'Deletable Ltd' });
  expect((await t.admin.post(`/records/lead/${id}/convert`, { targets: { opportunity: { action: 'skip' } } })).status).toBe(200);
  expect((await t.admin.delete(`/records/lead/${id}`)).status).toBe(204);
});

it('an existing tenant gets the _conversions table from tenant migration 006', async () => {
  const s = t.tenant.schema;
  await t.sql(`DROP TABLE "${s}"._conversions`);
  await t.sql(`DELETE FROM "${s}"._tenant_migrations WHERE id = '006-conversions'`);
  const { migrateTenantSchema } = await import('../../../engine/db/tenant-schema');
  const db = t.server.services.db;
  await db.transaction((trx) => migrateTenantSchema(trx, s));
  const cols = await t.sql(`SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = '_conversions' ORDER BY ordinal_position`, [s]);
  expect(cols.map((c: { column_name: string }) => c.column_name)).toEqual(['object', 'record_id', 'targets', 'converted_by', 'converted_at']);
});
