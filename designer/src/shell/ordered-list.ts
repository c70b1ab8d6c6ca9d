/** An ordered list edited in place: each call writes the whole next list (nothing is mutated). */
export interface OrderedList<T> {
  /** Puts `item` at `index`. */
  change(index: number, item: T): void;
  /** Swaps the item at `index` with its neighbour above (-1) or below (1); past either end nothing moves. */
  move(index: number, delta: -1 | 1): void;
  remove(index: number): void;
  /** Appends `item` at the end. */
  add(item: T): void;
}

/** The list with `item` at `index`. */
export const replaceItem = <T>(items: readonly T[], index: number, item: T): T[] => items.map((x, j) => (j === index ? item : x));

/** The list without the item at `index`. */
export const removeItem = <T>(items: readonly T[], index: number): T[] => items.filter((_, j) => j !== index);

/** The list with the item at `index` swapped with its neighbour `delta` away; unchanged (a copy) past either end. */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const next = [...items];
  const other = index + delta;
  if (index < 0 || index >= items.length || other < 0 || other >= items.length) return next;
  [next[index], next[other]] = [next[other]!, next[index]!];
  return next;
}

/** The editing calls of an ordered list (rules, conversion targets…), each handing the next list to `write`. */
export function orderedList<T>(items: readonly T[], write: (next: T[]) => void): OrderedList<T> {
  return {
    change: (index, item) => write(replaceItem(items, index, item)),
    move: (index, delta) => write(moveItem(items, index, delta)),
    remove: (index) => write(removeItem(items, index)),
    add: (item) => write([...items, item]),
  };
}
