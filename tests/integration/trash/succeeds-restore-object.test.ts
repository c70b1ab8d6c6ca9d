import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant('trashobj');
});
afterAll(() => t?.close());

describe('a deleted object is recoverable', () => {
  it('moves the table aside on delete and takes it back, records and numbering included, on restore', async () => {
    const { version: withObject } = await t.admin.defineObject({
      name: 'visit',
      label: { en: 'Visit', 'zh-CN': '拜访' },
      nameField: { type: 'autonumber', format: 'V-{000}' },
      fields: [{ name: 'notes', type: 'textarea', label: 'Notes' }, { name: 'score', type: 'integer', label: 'Score', indexed: true }],
    });
    const a = (await t.admin.post('/records/visit', { notes: '第一次拜访', score: 3 })).body;
    const b = (await t.admin.post('/records/visit', { notes: 'second', score: 5 })).body;
    expect([a.name, b.name]).toEqual(['V-001', 'V-002']);

    const refused = await t.admin.delete('/metadata/objects/visit');
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('METADATA_CONFIRMATION_REQUIRED');
    expect((await t.admin.get(`/records/visit/${a.id}`)).status).toBe(200);

    const deleted = await t.admin.delete('/metadata/objects/visit?confirm=true');
    expect(deleted.status).toBe(200);
    expect(deleted.body.plan.map((p: { kind: string }) => p.kind)).toEqual(['trashTable']);
    expect((await t.admin.get('/records/visit')).body.error.code).toBe('OBJECT_NOT_FOUND');

    const restored = await t.admin.post(`/metadata/versions/${withObject}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.plan[0].kind).toBe('restoreTable');
    const list = await t.admin.get('/records/visit?sort=name&count=true');
    expect(list.body.total).toBe(2);
    expect(list.body.records.map((r: { notes: string }) => r.notes)).toEqual(['第一次拜访', 'second']);
    // Numbering continues after the restored records, and the indexes are back.
    expect((await t.admin.post('/records/visit', { score: 1 })).body.name).toBe('V-003');
    const indexes = await t.server.services.db.raw('SELECT indexdef FROM pg_indexes WHERE schemaname = ? AND tablename = ?', [t.tenant.schema, 'visit']);
    expect(indexes.rows.map((r: { indexdef: string }) => r.indexdef).join('\n')).toMatch(/\(score\)/);
  });
});
