import { AppError } from '../../core/errors';
import { quoteIdent, runSql, type Trx } from '../../db/knex';
import { SYSTEM_SCHEMA } from '../../db/system-migrations';
import { compileListFilter } from '../../query/list-filter';
import { normalizeLabel } from '../../shared/labels';
import type { RawLabel } from '../../shared/metadata-types';
import { SHARING_RULE_COLUMNS, toSharingRule, type SharingRuleRow } from '../model/rows';
import type { PrincipalKind, ShareAccess, SharingRule } from '../model/types';
import { notFound, securityTable, securityWrite, translateUnique, type SecurityAdminContext } from './security-admin-context';
import { parseBody, sharingRuleCreate, sharingRuleUpdate } from './request-schemas';
import { isUuid } from '../../records/record-id';

/** The criteria must compile to SQL over the object (400 METADATA_RULE_INVALID-like issues as SECURITY_INVALID). */
function checkCriteria(ctx: SecurityAdminContext, object: string, criteria: unknown): void {
  if (!ctx.meta.snapshot.objects.has(object)) throw new AppError('SECURITY_INVALID', `object "${object}" does not exist`, { issues: [{ path: '/object', code: 'UNKNOWN_OBJECT', message: 'no such object' }] });
  try {
    compileListFilter(criteria, ctx.meta.object(object), ctx.meta.snapshot, ctx.registry, () => true);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    throw new AppError('SECURITY_INVALID', `the criteria are invalid: ${e.message}`, { issues: [{ path: `/criteria${(e.details?.path as string | undefined) ?? ''}`, code: e.code, message: e.message }] });
  }
}

/** The user, role or department a rule or share names must exist in this organisation. */
export async function requirePrincipal(exec: Trx | SecurityAdminContext['db'], ctx: { schema: string; tenantId: string }, kind: PrincipalKind, id: string, path: string): Promise<void> {
  const rows =
    kind === 'user'
      ? await runSql(exec, `SELECT 1 FROM ${SYSTEM_SCHEMA}.users WHERE id = ? AND tenant_id = ? AND active`, [id, ctx.tenantId])
      : await runSql(exec, `SELECT 1 FROM ${quoteIdent(ctx.schema)}.${kind === 'role' ? '_roles' : '_departments'} WHERE id = ?`, [id]);
  if (!rows.length) throw new AppError('SECURITY_INVALID', `no such ${kind}`, { issues: [{ path, code: 'NOT_FOUND', message: `no such ${kind} in this organisation` }] });
}

export async function listSharingRules(ctx: SecurityAdminContext, object?: string): Promise<SharingRule[]> {
  const rows = await runSql<SharingRuleRow>(ctx.db, `SELECT ${SHARING_RULE_COLUMNS} FROM ${securityTable(ctx, '_sharing_rules')}${object ? ' WHERE object = ?' : ''} ORDER BY object, name`, object ? [object] : []);
  return rows.map(toSharingRule);
}

export async function createSharingRule(ctx: SecurityAdminContext, body: unknown): Promise<SharingRule> {
  const b = parseBody<{ object: string; name: string; label?: RawLabel; criteria: unknown; shareWith: { kind: PrincipalKind; id: string }; access: ShareAccess; active?: boolean }>(sharingRuleCreate, body);
  checkCriteria(ctx, b.object, b.criteria);
  return securityWrite(ctx, async (trx) => {
    await requirePrincipal(trx, ctx, b.shareWith.kind, b.shareWith.id, '/shareWith/id');
    try {
      const rows = await runSql<SharingRuleRow>(
        trx,
        `INSERT INTO ${securityTable(ctx, '_sharing_rules')} (object, name, label, criteria, share_with_kind, share_with_id, access, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${SHARING_RULE_COLUMNS}`,
        [b.object, b.name, JSON.stringify(normalizeLabel(b.label, b.name)), JSON.stringify(b.criteria), b.shareWith.kind, b.shareWith.id, b.access, b.active ?? true],
      );
      return toSharingRule(rows[0]!);
    } catch (e) {
      throw translateUnique(e, 'sharing rule', b.name);
    }
  });
}

async function findRule(ctx: SecurityAdminContext, exec: Trx, id: string): Promise<SharingRuleRow> {
  const rows = isUuid(id) ? await runSql<SharingRuleRow>(exec, `SELECT ${SHARING_RULE_COLUMNS} FROM ${securityTable(ctx, '_sharing_rules')} WHERE id = ?`, [id]) : [];
  if (!rows.length) throw notFound('sharing rule', id);
  return rows[0]!;
}

export async function updateSharingRule(ctx: SecurityAdminContext, id: string, body: unknown): Promise<SharingRule> {
  const b = parseBody<{ label?: RawLabel; criteria?: unknown; shareWith?: { kind: PrincipalKind; id: string }; access?: ShareAccess; active?: boolean }>(sharingRuleUpdate, body);
  return securityWrite(ctx, async (trx) => {
    const r = await findRule(ctx, trx, id);
    if (b.criteria !== undefined) checkCriteria(ctx, r.object, b.criteria);
    if (b.shareWith) await requirePrincipal(trx, ctx, b.shareWith.kind, b.shareWith.id, '/shareWith/id');
    const rows = await runSql<SharingRuleRow>(trx, `UPDATE ${securityTable(ctx, '_sharing_rules')} SET label = ?, criteria = ?, share_with_kind = ?, share_with_id = ?, access = ?, active = ? WHERE id = ? RETURNING ${SHARING_RULE_COLUMNS}`, [
      JSON.stringify(b.label !== undefined ? normalizeLabel(b.label, r.name) : r.label),
      JSON.stringify(b.criteria !== undefined ? b.criteria : r.criteria),
      b.shareWith?.kind ?? r.share_with_kind,
      b.shareWith?.id ?? r.share_with_id,
      b.access ?? r.access,
      b.active ?? r.active,
      id,
    ]);
    return toSharingRule(rows[0]!);
  });
}

export async function deleteSharingRule(ctx: SecurityAdminContext, id: string): Promise<void> {
  await securityWrite(ctx, async (trx) => {
    await findRule(ctx, trx, id);
    await runSql(trx, `DELETE FROM ${securityTable(ctx, '_sharing_rules')} WHERE id = ?`, [id]);
  });
}
