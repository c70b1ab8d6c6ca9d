import type { ObjectDef, RawSnapshot, ValueSet } from '../shared/metadata-types';

/** A tenant's normalized metadata at one published version. */
export interface Snapshot {
  version: number;
  raw: RawSnapshot;
  objects: Map<string, ObjectDef>;
  valueSets: Record<string, ValueSet>;
}
