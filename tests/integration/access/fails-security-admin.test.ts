import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type ApiClient, type TestTenant } from '../../helpers/test-server';
import { expectRefusedUnchanged } from '../../helpers/unchanged';

/** Bad input to the security administration: a clear 4xx with a stable code, and nothing written. */
let t: TestTenant;
let user: { client: ApiClient; id: string };
let rootRole: string;
let childRole: string;
let dept: string;
const missing = '00000000-0000-4000-8000-000000000000';

/** Every security table's rows, to prove a refused request changed nothing. */
const snapshot = async () => {
  const s = `"${t.tenant.schema}"`;
  const out: Record<string, unknown[]> = {};
  for (const table of ['_roles', '_departments', '_permission_sets', '_user_access', '_user_permission_sets', '_sharing_rules', '_record_shares']) {
    out[table] = await t.sql(`SELECT * FROM ${s}.${table} ORDER BY 1, 2`);
  }
  out.users = await t.sql('SELECT id, is_admin, active, display_name FROM tessera_system.users WHERE tenant_id = ? ORDER BY id', [t.tenant.id]);
  return out;
};

/** Sends the request (after the first snapshot), checks status and error code, and that nothing changed; answers the error. */
const refused = async (send: () => Promise<{ status: number; body: any }>, status: number, code: string) => (await expectRefusedUnchanged(snapshot, send, status, code)).error;

beforeAll(async () => {
  t = await startTestTenant('secfail');
  await t.admin.defineObject({ name: 'deal', label: 'Deal', sharing: 'private', fields: [{ name: 'region', type: 'text', label: 'Region' }] });
  rootRole = (await t.admin.post('/admin/roles', { name: 'root', label: 'Root' })).body.id;
  childRole = (await t.admin.post('/admin/roles', { name: 'child', label: 'Child', parentId: rootRole })).body.id;
  dept = (await t.admin.post('/admin/departments', { name: 'sales', label: '销售部' })).body.id;
  user = await t.newUser();
  await t.admin.patch(`/admin/users/${user.id}`, { roleId: childRole, departmentId: dept });
});
afterAll(() => t?.close());

describe('roles and departments', () => {
  it('refuses cycles, unknown parents, too deep trees, duplicates and bad bodies', async () => {
    await refused(() => t.admin.patch(`/admin/roles/${rootRole}`, { parentId: childRole }), 400, 'SECURITY_CYCLE');
    await refused(() => t.admin.patch(`/admin/roles/${rootRole}`, { parentId: rootRole }), 400, 'SECURITY_CYCLE');
    await refused(() => t.admin.post('/admin/roles', { name: 'orphan', label: 'Orphan', parentId: missing }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.post('/admin/roles', { name: 'root', label: 'Again' }), 409, 'SECURITY_EXISTS');
    await refused(() => t.admin.post('/admin/departments', { name: 'Bad Name', label: 'x' }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.post('/admin/departments', { name: 'ok', label: 'x', extra: 1 }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.post('/admin/departments', ['not', 'an', 'object']), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.patch(`/admin/departments/${missing}`, { label: 'x' }), 404, 'SECURITY_NOT_FOUND');
    await refused(() => t.admin.patch('/admin/departments/not-a-uuid', { label: 'x' }), 404, 'SECURITY_NOT_FOUND');
  });

  it('refuses a tree deeper than 32 levels', async () => {
    let parent: string | null = null;
    for (let i = 0; i < 32; i++) parent = (await t.admin.post('/admin/departments', { name: `d${i}`, label: `D${i}`, parentId: parent })).body.id;
    await refused(() => t.admin.post('/admin/departments', { name: 'd32', label: 'Too deep', parentId: parent }), 400, 'SECURITY_INVALID');
  });

  it('refuses to delete a role or department that is still used', async () => {
    const e = await refused(() => t.admin.delete(`/admin/roles/${rootRole}`), 409, 'SECURITY_IN_USE');
    expect(e.details.usage.children).toBe(1);
    await refused(() => t.admin.delete(`/admin/roles/${childRole}`), 409, 'SECURITY_IN_USE');
    await refused(() => t.admin.delete(`/admin/departments/${dept}`), 409, 'SECURITY_IN_USE');
    await refused(() => t.admin.delete(`/admin/roles/${missing}`), 404, 'SECURITY_NOT_FOUND');
  });
});

describe('permission sets', () => {
  it('refuses unknown objects and fields, system fields, bad access values and sets in use', async () => {
    await refused(() => t.admin.post('/admin/permission-sets', { name: 'p1', label: 'P', objects: { nothing: { read: true } } }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.post('/admin/permission-sets', { name: 'p1', label: 'P', objects: { deal: { read: true, fields: { nope: 'read' } } } }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.post('/admin/permission-sets', { name: 'p1', label: 'P', objects: { deal: { read: true, fields: { owner_id: 'none' } } } }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.post('/admin/permission-sets', { name: 'p1', label: 'P', objects: { deal: { read: 'yes' } } }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.post('/admin/permission-sets', { name: 'p1', label: 'P', objects: { deal: { fields: { region: 'write' } } } }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.post('/admin/permission-sets', { name: 'standard', label: 'Dup' }), 409, 'SECURITY_EXISTS');
    await refused(() => t.admin.patch('/admin/permission-sets/nothing', { admin: true }), 404, 'SECURITY_NOT_FOUND');
    await refused(() => t.admin.patch('/admin/permission-sets/standard', {}), 400, 'SECURITY_INVALID');
    await t.admin.patch(`/admin/users/${user.id}`, { permissionSets: ['standard'] });
    await refused(() => t.admin.delete('/admin/permission-sets/standard'), 409, 'SECURITY_IN_USE');
  });
});

describe('users', () => {
  it('refuses unknown users, roles, departments and permission sets', async () => {
    await refused(() => t.admin.patch(`/admin/users/${missing}`, { roleId: childRole }), 404, 'USER_NOT_FOUND');
    await refused(() => t.admin.get('/admin/users/nope'), 404, 'USER_NOT_FOUND');
    await refused(() => t.admin.patch(`/admin/users/${user.id}`, { roleId: missing }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.patch(`/admin/users/${user.id}`, { departmentId: missing }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.patch(`/admin/users/${user.id}`, { permissionSets: ['standard', 'ghost'] }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.patch(`/admin/users/${user.id}`, { isAdmin: 'yes' }), 400, 'SECURITY_INVALID');
  });

  it('keeps at least one active administrator', async () => {
    await refused(() => t.admin.patch(`/admin/users/${t.adminId}`, { isAdmin: false }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.patch(`/admin/users/${t.adminId}`, { active: false }), 400, 'SECURITY_INVALID');
  });

  it('a non-admin may not use the security administration', async () => {
    for (const [method, path] of [['get', '/admin/roles'], ['post', '/admin/roles'], ['patch', `/admin/users/${user.id}`], ['get', '/admin/permission-sets'], ['post', '/admin/sharing-rules']] as const) {
      const res = await (method === 'get' ? user.client.get(path) : user.client[method](path, { name: 'x', label: 'x', isAdmin: true }));
      expect(res.status, path).toBe(403);
      expect(res.body.error.code).toBe('AUTH_FORBIDDEN');
    }
    expect((await t.sql('SELECT is_admin FROM tessera_system.users WHERE id = ?', [user.id]))[0].is_admin).toBe(false);
  });
});

describe('sharing rules', () => {
  it('refuses criteria that do not compile, unknown objects, unknown principals and bad access', async () => {
    const base = { object: 'deal', name: 'r1', shareWith: { kind: 'role', id: rootRole }, access: 'read', criteria: { '==': [{ var: 'region' }, 'east'] } };
    await refused(() => t.admin.post('/admin/sharing-rules', { ...base, criteria: { '==': [{ var: 'nope' }, 1] } }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.post('/admin/sharing-rules', { ...base, criteria: 'region' }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.post('/admin/sharing-rules', { ...base, object: 'ghost' }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.post('/admin/sharing-rules', { ...base, shareWith: { kind: 'role', id: missing } }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.post('/admin/sharing-rules', { ...base, shareWith: { kind: 'user', id: missing } }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.post('/admin/sharing-rules', { ...base, shareWith: { kind: 'team', id: rootRole } }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.post('/admin/sharing-rules', { ...base, access: 'delete' }), 400, 'SECURITY_INVALID');
    expect((await t.admin.post('/admin/sharing-rules', base)).status).toBe(201);
    await refused(() => t.admin.post('/admin/sharing-rules', base), 409, 'SECURITY_EXISTS');
    await refused(() => t.admin.patch(`/admin/sharing-rules/${missing}`, { active: false }), 404, 'SECURITY_NOT_FOUND');
    await refused(() => t.admin.delete('/admin/sharing-rules/xyz'), 404, 'SECURITY_NOT_FOUND');
    // 36 characters of hex digits and dashes, but not a UUID: still 404, never a SQL error.
    await refused(() => t.admin.delete(`/admin/sharing-rules/${'-'.repeat(36)}`), 404, 'SECURITY_NOT_FOUND');
    await refused(() => t.admin.patch(`/admin/sharing-rules/${'a'.repeat(36)}`, { active: false }), 404, 'SECURITY_NOT_FOUND');
  });
});

describe('record sharing and ownership', () => {
  it('refuses bad team members, shares, transfers and owners, writing nothing', async () => {
    const rec = (await t.admin.post('/records/deal', { name: 'R', region: 'west' })).body;
    await refused(() => t.admin.post(`/records/deal/${rec.id}/team`, { userId: missing, access: 'read' }), 400, 'SECURITY_INVALID');
    await refused(() => t.admin.post(`/records/deal/${rec.id}/team`, { userId: user.id, access: 'owner' }), 400, 'REQUEST_INVALID');
    await refused(() => t.admin.post(`/records/deal/${missing}/share`, { kind: 'user', id: user.id, access: 'read' }), 404, 'RECORD_NOT_FOUND');
    await refused(() => t.admin.delete(`/records/deal/${rec.id}/team/${user.id}`), 404, 'SECURITY_NOT_FOUND');
    await refused(() => t.admin.delete(`/records/deal/${rec.id}/share/${'a'.repeat(36)}`), 404, 'SECURITY_NOT_FOUND');
    await refused(() => t.admin.post('/records/deal/transfer', { ids: [rec.id], ownerId: missing }), 400, 'RECORD_OWNER_INVALID');
    await refused(() => t.admin.post('/records/deal/transfer', { ids: [], ownerId: user.id }), 400, 'REQUEST_INVALID');
    await refused(() => t.admin.post('/records/deal/transfer', { ids: [rec.id, missing], ownerId: user.id }), 404, 'RECORD_NOT_FOUND');
    await refused(() => t.admin.post('/records/deal', { name: 'X', owner_id: missing }), 400, 'RECORD_OWNER_INVALID');
    // The user cannot see the admin's private record: every route answers 404, not 403.
    await refused(() => user.client.get(`/records/deal/${rec.id}/team`), 404, 'RECORD_NOT_FOUND');
    await refused(() => user.client.post(`/records/deal/${rec.id}/share`, { kind: 'user', id: user.id, access: 'edit' }), 404, 'RECORD_NOT_FOUND');
    await refused(() => user.client.patch(`/records/deal/${rec.id}`, { region: 'x', version: rec.version }), 404, 'RECORD_NOT_FOUND');
    await refused(() => user.client.delete(`/records/deal/${rec.id}`), 404, 'RECORD_NOT_FOUND');
    await refused(() => user.client.post('/records/deal/transfer', { ids: [rec.id], ownerId: user.id }), 404, 'RECORD_NOT_FOUND');
    // Nor may the user give a new record to someone above them.
    await refused(() => user.client.post('/records/deal', { name: 'Mine', owner_id: t.adminId }), 403, 'RECORD_ACCESS_DENIED');
  });

  it('a user without a permission on the object gets 403 OBJECT_ACCESS_DENIED', async () => {
    await t.admin.post('/admin/permission-sets', { name: 'read_only', label: 'Read only', objects: { '*': { read: true } } });
    await t.admin.patch(`/admin/users/${user.id}`, { permissionSets: ['read_only'] });
    await refused(() => user.client.post('/records/deal', { name: 'Nope' }), 403, 'OBJECT_ACCESS_DENIED');
    await refused(() => user.client.post('/records/deal/bulk', { records: [{ name: 'Nope' }] }), 403, 'OBJECT_ACCESS_DENIED');
    await t.admin.patch(`/admin/users/${user.id}`, { permissionSets: [] });
    await refused(() => user.client.get('/records/deal'), 403, 'OBJECT_ACCESS_DENIED');
  });
});
