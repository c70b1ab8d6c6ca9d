import { describe, expect, it } from 'vitest';
import { moveItem, orderedList, removeItem, replaceItem } from './ordered-list';

describe('ordered list', () => {
  const items = ['a', 'b', 'c'] as const;

  it('replaces, removes and moves without touching the original', () => {
    expect(replaceItem(items, 1, 'x')).toEqual(['a', 'x', 'c']);
    expect(removeItem(items, 0)).toEqual(['b', 'c']);
    expect(moveItem(items, 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(items, 1, 1)).toEqual(['a', 'c', 'b']);
    expect(items).toEqual(['a', 'b', 'c']);
  });

  it('moves nothing past either end', () => {
    expect(moveItem(items, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(items, 2, 1)).toEqual(['a', 'b', 'c']);
    expect(moveItem([], 0, 1)).toEqual([]);
  });

  it('hands each next list to write', () => {
    const written: string[][] = [];
    const list = orderedList<string>(items, (next) => written.push(next));
    list.change(0, 'z');
    list.move(0, 1);
    list.remove(2);
    list.add('d');
    expect(written).toEqual([
      ['z', 'b', 'c'],
      ['b', 'a', 'c'],
      ['a', 'b'],
      ['a', 'b', 'c', 'd'],
    ]);
  });
});
