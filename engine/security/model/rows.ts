import type { Label } from '../../shared/metadata-types';
import type { PrincipalKind, ShareAccess, SharingRule, TreeNode } from './types';

/** The columns of a department or role row (`_departments`, `_roles`). */
export const TREE_NODE_COLUMNS = 'id, name, label, parent_id';

/** A department or role row as read. */
export interface TreeNodeRow {
  id: string;
  name: string;
  label: Label;
  parent_id: string | null;
}

export const toTreeNode = (r: TreeNodeRow): TreeNode => ({ id: r.id, name: r.name, label: r.label, parentId: r.parent_id });

/** The columns of a `_sharing_rules` row. */
export const SHARING_RULE_COLUMNS = 'id, object, name, label, criteria, share_with_kind, share_with_id, access, active';

/** A sharing rule row as read. */
export interface SharingRuleRow {
  id: string;
  object: string;
  name: string;
  label: Label;
  criteria: unknown;
  share_with_kind: PrincipalKind;
  share_with_id: string;
  access: ShareAccess;
  active: boolean;
}

export const toSharingRule = (r: SharingRuleRow): SharingRule => ({
  id: r.id,
  object: r.object,
  name: r.name,
  label: r.label,
  criteria: r.criteria,
  shareWith: { kind: r.share_with_kind, id: r.share_with_id },
  access: r.access,
  active: r.active,
});
