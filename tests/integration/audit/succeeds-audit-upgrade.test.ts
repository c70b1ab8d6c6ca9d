import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureAuditTriggers } from '../../../engine/audit/ensure-audit-triggers';
import { createLogger } from '../../../engine/core/logger';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

/** An object table made before the audit trail (no triggers) gets them at start-up. */
let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant('auditup');
  await t.admin.defineObject({ name: 'legacy', label: 'Legacy', fields: [{ name: 'note', type: 'text', label: 'Note' }] });
});
afterAll(() => t?.close());

const triggers = async () => (await t.sql(`SELECT tgname FROM pg_trigger WHERE tgrelid = ?::regclass ORDER BY tgname`, [`"${t.tenant.schema}".legacy`])).map((r) => r.tgname);

it('adds the missing audit triggers, and an insert is then audited', async () => {
  for (const name of ['_audit_ins', '_audit_upd', '_audit_del']) await t.sql(`DROP TRIGGER ${name} ON "${t.tenant.schema}".legacy`);
  expect(await triggers()).toEqual([]);
  const { db, cache } = t.server.services;
  await ensureAuditTriggers(db, cache, createLogger('fatal'));
  expect(await triggers()).toEqual(['_audit_del', '_audit_ins', '_audit_upd']);
  const rec = (await t.admin.post('/records/legacy', { name: 'L1', note: 'n' })).body;
  const rows = await t.sql(`SELECT action, changes FROM "${t.tenant.schema}"._audit_log WHERE record_id = ?`, [rec.id]);
  expect(rows).toEqual([{ action: 'create', changes: expect.objectContaining({ name: 'L1', note: 'n' }) }]);
  // Running it again changes nothing.
  await ensureAuditTriggers(db, cache, createLogger('fatal'));
  expect(await triggers()).toEqual(['_audit_del', '_audit_ins', '_audit_upd']);
});
