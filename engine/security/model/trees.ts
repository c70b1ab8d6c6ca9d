import type { TreeNode } from './types';

/** Deepest a department or role tree may go. */
export const MAX_TREE_DEPTH = 32;
/** Most departments or roles one tenant may have. */
export const MAX_TREE_NODES = 5000;

/** Children of every node, built once per model. */
export function childrenOf(nodes: Map<string, TreeNode>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of nodes.values()) if (n.parentId) out.set(n.parentId, [...(out.get(n.parentId) ?? []), n.id]);
  return out;
}

/** The node and everything below it. */
export function subtree(children: Map<string, string[]>, id: string): Set<string> {
  const out = new Set<string>([id]);
  const stack = [id];
  while (stack.length) for (const c of children.get(stack.pop()!) ?? []) if (!out.has(c)) (out.add(c), stack.push(c));
  return out;
}

/** The node and every node above it, nearest first. */
export function ancestorsOrSelf(nodes: Map<string, TreeNode>, id: string): string[] {
  const out: string[] = [];
  for (let n = nodes.get(id); n && out.length <= MAX_TREE_DEPTH; n = n.parentId ? nodes.get(n.parentId) : undefined) out.push(n.id);
  return out;
}

/** Why giving `id` the parent `parentId` would break the tree, or undefined when it would not. */
export function treeProblem(nodes: Map<string, TreeNode>, id: string, parentId: string | null): 'cycle' | 'depth' | undefined {
  if (parentId === null) return undefined;
  const above = ancestorsOrSelf(nodes, parentId);
  if (above.includes(id)) return 'cycle';
  const below = depthBelow(childrenOf(nodes), id);
  return above.length + 1 + below > MAX_TREE_DEPTH ? 'depth' : undefined;
}

function depthBelow(children: Map<string, string[]>, id: string, seen = new Set<string>()): number {
  if (seen.has(id)) return 0;
  seen.add(id);
  return Math.max(0, ...(children.get(id) ?? []).map((c) => 1 + depthBelow(children, c, seen)));
}
