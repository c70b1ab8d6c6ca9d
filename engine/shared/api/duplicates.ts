/**
 * One duplicate rule that matched, with the readable records it matched:
 * POST /api/v1/records/:object/duplicates answers `{ matches }`, and a 409
 * RECORD_DUPLICATE / RECORD_DUPLICATE_WARNING carries them in `details.matches`.
 */
export interface DuplicateMatch {
  /** Row index in the request when several rows were checked at once. */
  row?: number;
  /** The rule's name. */
  rule: string;
  /** The rule's label in the request's locale. */
  label: string;
  action: 'block' | 'warn';
  /** Matching records the user may read (at most 10). */
  records: { id: string; name: string }[];
  /** How many matching records the user may not see (block rules only; counted, never named). */
  hidden?: number;
  /** Earlier rows of the same request that this row duplicates. */
  rows?: number[];
  /** Where the row is in the request (e.g. /records/3), for batch writes. */
  path?: string;
}
