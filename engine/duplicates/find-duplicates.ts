import type { RecordContext } from '../records/context';

/** One duplicate rule that matched, with the readable records it matched. */
export interface DuplicateMatch {
  /** Row index in the request when several rows were checked at once. */
  row?: number;
  /** The rule's name. */
  rule: string;
  /** The rule's label in the request's locale. */
  label: string;
  action: 'block' | 'warn';
  /** Matching records the user may read (a block rule may match only records they cannot see: then empty and `hidden` > 0). */
  records: { id: string; name: string }[];
  /** How many matching records the user may not see (counted, never named). */
  hidden?: number;
}

/**
 * The existing records that the object's active duplicate rules say `values`
 * duplicates. Work in progress: returns no matches until the engine lands.
 */
export async function findDuplicates(_ctx: RecordContext, _objectName: string, _values: Record<string, unknown>, _opts?: { excludeId?: string }): Promise<DuplicateMatch[]> {
  return [];
}
