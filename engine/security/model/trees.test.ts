import { describe, expect, it } from 'vitest';
import { ancestorsOrSelf, childrenOf, MAX_TREE_DEPTH, subtree, treeProblem } from './trees';
import type { TreeNode } from './types';

const node = (id: string, parentId: string | null): TreeNode => ({ id, name: id, label: { en: id, 'zh-CN': id }, parentId });
const tree = (...pairs: [string, string | null][]) => new Map(pairs.map(([id, p]) => [id, node(id, p)]));

describe('trees', () => {
  const t = tree(['ceo', null], ['vp', 'ceo'], ['rep1', 'vp'], ['rep2', 'vp'], ['cfo', 'ceo']);

  it('finds a subtree and the ancestors', () => {
    expect([...subtree(childrenOf(t), 'vp')].sort()).toEqual(['rep1', 'rep2', 'vp']);
    expect(ancestorsOrSelf(t, 'rep1')).toEqual(['rep1', 'vp', 'ceo']);
  });

  it('refuses a parent that would make a cycle', () => {
    expect(treeProblem(t, 'ceo', 'rep1')).toBe('cycle');
    expect(treeProblem(t, 'vp', 'vp')).toBe('cycle');
    expect(treeProblem(t, 'cfo', 'vp')).toBeUndefined();
    expect(treeProblem(t, 'new', null)).toBeUndefined();
  });

  it('refuses a tree deeper than the limit', () => {
    const chain = tree(...Array.from({ length: MAX_TREE_DEPTH }, (_, i): [string, string | null] => [`n${i}`, i ? `n${i - 1}` : null]));
    expect(treeProblem(chain, 'extra', `n${MAX_TREE_DEPTH - 1}`)).toBe('depth');
    expect(treeProblem(chain, 'extra', `n${MAX_TREE_DEPTH - 2}`)).toBeUndefined();
  });
});
