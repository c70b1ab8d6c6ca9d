import type { RawPicklistValue } from '../../../engine/shared/metadata-types';
import type { DraftIssue } from '../draft/draft-types';

/** Placeholder until built: edits a picklist's values (add, reorder, deactivate, translate). */
export function PicklistValuesEditor(_p: { values: RawPicklistValue[]; onChange(values: RawPicklistValue[]): void; issues?: DraftIssue[]; issuePrefix?: string }) {
  return <p data-testid="page-todo">PicklistValuesEditor</p>;
}
