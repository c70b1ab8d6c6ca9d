import { AppError, type Issue } from '../../core/errors';
import { runSql } from '../../db/knex';
import { normalizeLabel } from '../../shared/labels';
import type { Label, RawLabel } from '../../shared/metadata-types';
import type { RawObjectGrant } from '../model/grants';
import { notFound, securityTable, securityWrite, translateUnique, type SecurityAdminContext } from './security-admin-context';
import { parseBody, permissionSetCreate, permissionSetUpdate } from './request-schemas';

/** A permission set as the admin API shows it. */
export interface PermissionSetInfo {
  id: string;
  name: string;
  label: Label;
  admin: boolean;
  objects: Record<string, RawObjectGrant>;
  assignByDefault: boolean;
  users: number;
}

interface Row {
  id: string;
  name: string;
  label: Label;
  admin: boolean;
  objects: Record<string, RawObjectGrant>;
  assign_by_default: boolean;
  users: number;
}

const toInfo = (r: Row): PermissionSetInfo => ({ id: r.id, name: r.name, label: r.label, admin: r.admin, objects: r.objects, assignByDefault: r.assign_by_default, users: Number(r.users) });

/** Objects and fields a permission set names must exist in the published metadata; system fields cannot be restricted. */
function checkGrants(ctx: SecurityAdminContext, objects: Record<string, RawObjectGrant> | undefined): void {
  const issues: Issue[] = [];
  for (const [name, g] of Object.entries(objects ?? {})) {
    if (name === '*') {
      if (g.fields && Object.keys(g.fields).length) issues.push({ path: `/objects/*/fields`, code: 'INVALID', message: 'field access is set per object, not for "*"' });
      continue;
    }
    const def = ctx.meta.snapshot.objects.get(name);
    if (!def) {
      issues.push({ path: `/objects/${name}`, code: 'UNKNOWN_OBJECT', message: `object "${name}" does not exist` });
      continue;
    }
    for (const f of Object.keys(g.fields ?? {})) {
      const field = def.fields.find((x) => x.name === f);
      if (!field) issues.push({ path: `/objects/${name}/fields/${f}`, code: 'UNKNOWN_FIELD', message: `field "${f}" does not exist` });
      else if (field.system) issues.push({ path: `/objects/${name}/fields/${f}`, code: 'SYSTEM_FIELD', message: 'system fields are always readable' });
    }
  }
  if (issues.length) throw new AppError('SECURITY_INVALID', issues[0]!.message, { issues });
}

const SELECT = (ctx: SecurityAdminContext) =>
  `SELECT p.id, p.name, p.label, p.admin, p.objects, p.assign_by_default, (SELECT count(*) FROM ${securityTable(ctx, '_user_permission_sets')} a WHERE a.permission_set_id = p.id) AS users FROM ${securityTable(ctx, '_permission_sets')} p`;

export async function listPermissionSets(ctx: SecurityAdminContext): Promise<PermissionSetInfo[]> {
  return (await runSql<Row>(ctx.db, `${SELECT(ctx)} ORDER BY p.name`)).map(toInfo);
}

export async function createPermissionSet(ctx: SecurityAdminContext, body: unknown): Promise<PermissionSetInfo> {
  const b = parseBody<{ name: string; label: RawLabel; admin?: boolean; objects?: Record<string, RawObjectGrant>; assignByDefault?: boolean }>(permissionSetCreate, body);
  checkGrants(ctx, b.objects);
  return securityWrite(ctx, async (trx) => {
    try {
      const [{ id }] = await runSql<{ id: string }>(trx, `INSERT INTO ${securityTable(ctx, '_permission_sets')} (name, label, admin, objects, assign_by_default) VALUES (?, ?, ?, ?, ?) RETURNING id`, [
        b.name,
        JSON.stringify(normalizeLabel(b.label, b.name)),
        b.admin ?? false,
        JSON.stringify(b.objects ?? {}),
        b.assignByDefault ?? false,
      ]) as [{ id: string }];
      return toInfo((await runSql<Row>(trx, `${SELECT(ctx)} WHERE p.id = ?`, [id]))[0]!);
    } catch (e) {
      throw translateUnique(e, 'permission set', b.name);
    }
  });
}

async function findId(ctx: SecurityAdminContext, name: string): Promise<string> {
  const rows = await runSql<{ id: string }>(ctx.db, `SELECT id FROM ${securityTable(ctx, '_permission_sets')} WHERE name = ?`, [name]);
  if (!rows.length) throw notFound('permission set', name);
  return rows[0]!.id;
}

/** Permission sets are addressed by name (stable across tenants and packs). */
export async function updatePermissionSet(ctx: SecurityAdminContext, name: string, body: unknown): Promise<PermissionSetInfo> {
  const b = parseBody<{ label?: RawLabel; admin?: boolean; objects?: Record<string, RawObjectGrant>; assignByDefault?: boolean }>(permissionSetUpdate, body);
  checkGrants(ctx, b.objects);
  const id = await findId(ctx, name);
  return securityWrite(ctx, async (trx) => {
    const sets: string[] = [];
    const params: unknown[] = [];
    if (b.label !== undefined) (sets.push('label = ?'), params.push(JSON.stringify(normalizeLabel(b.label, name))));
    if (b.admin !== undefined) (sets.push('admin = ?'), params.push(b.admin));
    if (b.objects !== undefined) (sets.push('objects = ?'), params.push(JSON.stringify(b.objects)));
    if (b.assignByDefault !== undefined) (sets.push('assign_by_default = ?'), params.push(b.assignByDefault));
    await runSql(trx, `UPDATE ${securityTable(ctx, '_permission_sets')} SET ${sets.join(', ')} WHERE id = ?`, [...params, id]);
    return toInfo((await runSql<Row>(trx, `${SELECT(ctx)} WHERE p.id = ?`, [id]))[0]!);
  });
}

/** A set still assigned to users cannot go (409 SECURITY_IN_USE). */
export async function deletePermissionSet(ctx: SecurityAdminContext, name: string): Promise<void> {
  const id = await findId(ctx, name);
  await securityWrite(ctx, async (trx) => {
    const [{ n }] = (await runSql<{ n: number }>(trx, `SELECT count(*) AS n FROM ${securityTable(ctx, '_user_permission_sets')} WHERE permission_set_id = ?`, [id])) as [{ n: number }];
    if (Number(n) > 0) throw new AppError('SECURITY_IN_USE', `the permission set is assigned to ${n} user(s)`, { users: Number(n) });
    await runSql(trx, `DELETE FROM ${securityTable(ctx, '_permission_sets')} WHERE id = ?`, [id]);
  });
}
