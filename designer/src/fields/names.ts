import { isReservedWord } from '../../../engine/metadata/reserved-words';
import { SYSTEM_FIELD_NAMES } from '../../../engine/metadata/system-fields';

/** Names of objects, fields and value sets (the metadata API's rule). */
export const NAME_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

/** Why a new name cannot be used, as a code the page translates; undefined when it can. */
export type NameProblem = 'INVALID_NAME' | 'SYSTEM_FIELD' | 'RESERVED_WORD' | 'DUPLICATE_FIELD' | 'DUPLICATE_OBJECT';

export function fieldNameProblem(name: string, others: string[]): NameProblem | undefined {
  if (!NAME_PATTERN.test(name)) return 'INVALID_NAME';
  if ((SYSTEM_FIELD_NAMES as readonly string[]).includes(name)) return 'SYSTEM_FIELD';
  if (isReservedWord(name)) return 'RESERVED_WORD';
  if (others.includes(name)) return 'DUPLICATE_FIELD';
  return undefined;
}

export function objectNameProblem(name: string, taken: string[]): NameProblem | undefined {
  if (!NAME_PATTERN.test(name)) return 'INVALID_NAME';
  if (isReservedWord(name)) return 'RESERVED_WORD';
  if (taken.includes(name)) return 'DUPLICATE_OBJECT';
  return undefined;
}
