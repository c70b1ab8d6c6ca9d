import type { RawField, RawSnapshot } from '../../../engine/shared/metadata-types';

/** A field that takes its values from a shared value set. */
export interface ValueSetUse {
  object: string;
  field: RawField;
}

/** Every field of the snapshot using a value set, by value set name. */
export function valueSetUsage(snapshot: RawSnapshot): Map<string, ValueSetUse[]> {
  const uses = new Map<string, ValueSetUse[]>();
  for (const def of Object.values(snapshot.objects))
    for (const field of def.fields) {
      const vs = field.options?.valueSet;
      if (typeof vs !== 'string') continue;
      uses.set(vs, [...(uses.get(vs) ?? []), { object: def.name, field }]);
    }
  return uses;
}

/** The pattern of a value set's name. */
export const VALUE_SET_NAME = /^[a-z][a-z0-9_]{0,62}$/;
