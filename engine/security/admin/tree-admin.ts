import { AppError } from '../../core/errors';
import { runSql, type Trx } from '../../db/knex';
import { normalizeLabel } from '../../shared/labels';
import type { RawLabel } from '../../shared/metadata-types';
import { TREE_NODE_COLUMNS, toTreeNode, type TreeNodeRow } from '../model/rows';
import { MAX_TREE_NODES, treeProblem } from '../model/trees';
import type { TreeNode } from '../model/types';
import { notFound, securityTable, securityWrite, translateUnique, type SecurityAdminContext } from './security-admin-context';
import { parseBody, treeNodeCreate, treeNodeUpdate } from './request-schemas';

/** Departments and roles are both trees, administered the same way. */
export type TreeKind = 'department' | 'role';

const TABLE: Record<TreeKind, string> = { department: '_departments', role: '_roles' };
/** Where users sit in the tree, for the in-use check. */
const MEMBER_COLUMN: Record<TreeKind, string> = { department: 'department_id', role: 'role_id' };

async function nodesOf(ctx: SecurityAdminContext, trx: Trx, kind: TreeKind): Promise<Map<string, TreeNode>> {
  const rows = await runSql<TreeNodeRow>(trx, `SELECT ${TREE_NODE_COLUMNS} FROM ${securityTable(ctx, TABLE[kind])}`);
  return new Map(rows.map((r) => [r.id, toTreeNode(r)]));
}

function checkParent(kind: TreeKind, nodes: Map<string, TreeNode>, id: string, parentId: string | null): void {
  if (parentId !== null && !nodes.has(parentId)) throw new AppError('SECURITY_INVALID', `the parent ${kind} does not exist`, { issues: [{ path: '/parentId', code: 'NOT_FOUND', message: `no such ${kind}` }] });
  const problem = treeProblem(nodes, id, parentId);
  if (problem === 'cycle') throw new AppError('SECURITY_CYCLE', `a ${kind} cannot be placed under itself or one of its own sub-${kind}s`, { issues: [{ path: '/parentId', code: 'CYCLE', message: 'would make a cycle' }] });
  if (problem === 'depth') throw new AppError('SECURITY_INVALID', `the ${kind} tree would be deeper than allowed`, { issues: [{ path: '/parentId', code: 'TOO_DEEP', message: 'too deep' }] });
}

export async function listTreeNodes(ctx: SecurityAdminContext, kind: TreeKind): Promise<TreeNode[]> {
  const rows = await runSql<TreeNodeRow>(ctx.db, `SELECT ${TREE_NODE_COLUMNS} FROM ${securityTable(ctx, TABLE[kind])} ORDER BY name`);
  return rows.map(toTreeNode);
}

export async function createTreeNode(ctx: SecurityAdminContext, kind: TreeKind, body: unknown): Promise<TreeNode> {
  const b = parseBody<{ name: string; label: RawLabel; parentId?: string | null }>(treeNodeCreate, body);
  return securityWrite(ctx, async (trx) => {
    const nodes = await nodesOf(ctx, trx, kind);
    if (nodes.size >= MAX_TREE_NODES) throw new AppError('SECURITY_INVALID', `at most ${MAX_TREE_NODES} ${kind}s`);
    checkParent(kind, nodes, '(new)', b.parentId ?? null);
    try {
      const rows = await runSql<TreeNodeRow>(trx, `INSERT INTO ${securityTable(ctx, TABLE[kind])} (name, label, parent_id) VALUES (?, ?, ?) RETURNING ${TREE_NODE_COLUMNS}`, [b.name, JSON.stringify(normalizeLabel(b.label, b.name)), b.parentId ?? null]);
      return toTreeNode(rows[0]!);
    } catch (e) {
      throw translateUnique(e, kind, b.name);
    }
  });
}

export async function updateTreeNode(ctx: SecurityAdminContext, kind: TreeKind, id: string, body: unknown): Promise<TreeNode> {
  const b = parseBody<{ label?: RawLabel; parentId?: string | null }>(treeNodeUpdate, body);
  return securityWrite(ctx, async (trx) => {
    const nodes = await nodesOf(ctx, trx, kind);
    const node = nodes.get(id);
    if (!node) throw notFound(kind, id);
    if (b.parentId !== undefined) checkParent(kind, nodes, id, b.parentId);
    const rows = await runSql<TreeNodeRow>(trx, `UPDATE ${securityTable(ctx, TABLE[kind])} SET label = ?, parent_id = ? WHERE id = ? RETURNING ${TREE_NODE_COLUMNS}`, [
      JSON.stringify(b.label !== undefined ? normalizeLabel(b.label, node.name) : node.label),
      b.parentId !== undefined ? b.parentId : node.parentId,
      id,
    ]);
    return toTreeNode(rows[0]!);
  });
}

/** Deletes a node nobody uses: no sub-nodes, no users placed in it, no sharing rule or share naming it (409 SECURITY_IN_USE). */
export async function deleteTreeNode(ctx: SecurityAdminContext, kind: TreeKind, id: string): Promise<void> {
  await securityWrite(ctx, async (trx) => {
    const nodes = await nodesOf(ctx, trx, kind);
    if (!nodes.has(id)) throw notFound(kind, id);
    const [usage] = await runSql<{ children: number; users: number; rules: number; shares: number }>(
      trx,
      `SELECT (SELECT count(*) FROM ${securityTable(ctx, TABLE[kind])} WHERE parent_id = ?) AS children,
              (SELECT count(*) FROM ${securityTable(ctx, '_user_access')} WHERE ${MEMBER_COLUMN[kind]} = ?) AS users,
              (SELECT count(*) FROM ${securityTable(ctx, '_sharing_rules')} WHERE share_with_id = ?) AS rules,
              (SELECT count(*) FROM ${securityTable(ctx, '_record_shares')} WHERE principal_id = ?) AS shares`,
      [id, id, id, id],
    );
    const inUse = Object.entries(usage!).filter(([, n]) => Number(n) > 0);
    if (inUse.length) throw new AppError('SECURITY_IN_USE', `the ${kind} is still used (${inUse.map(([k, n]) => `${n} ${k}`).join(', ')})`, { usage });
    await runSql(trx, `DELETE FROM ${securityTable(ctx, TABLE[kind])} WHERE id = ?`, [id]);
  });
}
