import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../../helpers/test-server';

/** The admin's user management: placement, password reset, deactivation — each effective at once. */
let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant('useradm');
});
afterAll(() => t?.close());

it('shows an unconfigured user with the default permission sets, then their placement', async () => {
  const u = await t.newUser();
  expect((await t.admin.get(`/admin/users/${u.id}`)).body).toMatchObject({ id: u.id, roleId: null, departmentId: null, managesDepartment: false, permissionSets: ['standard'] });
  const role = (await t.admin.post('/admin/roles', { name: 'rep', label: { en: 'Rep', 'zh-CN': '销售代表' } })).body;
  const dept = (await t.admin.post('/admin/departments', { name: 'east', label: '华东' })).body;
  const res = await t.admin.patch(`/admin/users/${u.id}`, { roleId: role.id, departmentId: dept.id, managesDepartment: true, displayName: '王伟' });
  expect(res.body).toMatchObject({ roleId: role.id, departmentId: dept.id, managesDepartment: true, displayName: '王伟', permissionSets: ['standard'] });
  expect((await u.client.get('/auth/me')).body.displayName).toBe('王伟');
});

it('an admin password reset signs the user out and the new password works', async () => {
  const u = await t.newUser();
  expect((await t.admin.patch(`/admin/users/${u.id}`, { password: 'Fresh-start-2026' })).status).toBe(200);
  expect((await u.client.get('/auth/me')).status).toBe(401);
  expect((await t.anonymous.post('/auth/login', { email: u.email, password: 'Fresh-start-2026', tenant: t.tenant.slug })).status).toBe(200);
});

it('a deactivated user and their API tokens are refused at once', async () => {
  const u = await t.newUser();
  const token = (await t.admin.post('/admin/tokens', { name: 'sync', userId: u.id })).body.token as string;
  expect((await t.anonymous.as(token).get('/auth/me')).status).toBe(200);
  expect((await t.admin.patch(`/admin/users/${u.id}`, { active: false })).body.active).toBe(false);
  expect((await u.client.get('/auth/me')).status).toBe(401);
  expect((await t.anonymous.as(token).get('/auth/me')).status).toBe(401);
});

it('a permission set with the admin permission makes its users administrators', async () => {
  const u = await t.newUser();
  expect((await u.client.get('/admin/roles')).status).toBe(403);
  await t.admin.post('/admin/permission-sets', { name: 'delegated_admin', label: 'Delegated admin', admin: true });
  await t.admin.patch(`/admin/users/${u.id}`, { permissionSets: ['standard', 'delegated_admin'] });
  expect((await u.client.get('/admin/roles')).status).toBe(200);
  expect((await u.client.put('/metadata/objects/thing', { name: 'thing', label: 'Thing', fields: [] })).status).toBe(200);
});
