import type { RawSnapshot } from '../../../engine/shared/metadata-types';
import type { Draft } from '../draft/draft-types';

/** What the draft does to an object: creates, changes or deletes it (undefined: untouched). */
export type ObjectChange = 'new' | 'changed' | 'deleted';

export function objectChange(name: string, published: RawSnapshot, draft: Draft): ObjectChange | undefined {
  if (!(name in draft.objects)) return undefined;
  const def = draft.objects[name];
  const before = published.objects[name];
  if (def === null) return before ? 'deleted' : undefined;
  if (!before) return 'new';
  return JSON.stringify(def) === JSON.stringify(before) ? undefined : 'changed';
}
