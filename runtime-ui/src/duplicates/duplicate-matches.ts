import type { DuplicateMatch } from '../../../engine/shared/api/duplicates';
import { ApiError } from '../api/api-error';

/** A refused save because of duplicate rules: blocked for good, or a warning the user may override. */
export interface DuplicateRefusal {
  blocked: boolean;
  matches: DuplicateMatch[];
}

/** The duplicate refusal an API error carries (409 RECORD_DUPLICATE / RECORD_DUPLICATE_WARNING), else undefined. */
export function duplicateRefusalOf(e: unknown): DuplicateRefusal | undefined {
  if (!(e instanceof ApiError) || e.status !== 409 || (e.code !== 'RECORD_DUPLICATE' && e.code !== 'RECORD_DUPLICATE_WARNING')) return undefined;
  const matches = Array.isArray(e.details.matches) ? (e.details.matches as DuplicateMatch[]) : [];
  return { blocked: e.code === 'RECORD_DUPLICATE', matches };
}
