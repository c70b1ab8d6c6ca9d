import type { RawField } from '../../../engine/shared/metadata-types';

/** A picklist field's dependency on a controlling field (part of its options). */
export interface DependencyOptions {
  controllingField?: string;
  dependencies?: Record<string, string[]>;
}

/** Placeholder until built: chooses the controlling field and edits the controlling value × allowed values matrix. */
export function DependencyEditor(_p: { object: string; field: RawField; onChange(next: DependencyOptions): void }) {
  return <p data-testid="page-todo">DependencyEditor</p>;
}
