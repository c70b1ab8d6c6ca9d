import { useMemo } from 'react';
import type { Describe } from '../../../runtime-ui/src/api/describe';
import { useDescribe } from '../../../runtime-ui/src/api/metadata';
import { useDraft } from '../draft/draft-store';
import { previewDescribe } from './preview-describe';

/** An object's describe as the draft would make it, or why there is none yet. */
export type DraftDescribe = { status: 'ready'; describe: Describe } | { status: 'checking' | 'invalid' | 'loading' } | { status: 'error'; message: string };

/**
 * The server's normalized definition of an object under the draft: the dry
 * run's preview when the draft changes the object (only once the draft is
 * valid), the published describe when it does not.
 */
export function useDraftDescribe(object: string): DraftDescribe {
  const { draft, check, published } = useDraft();
  const inDraft = draft.objects[object] !== undefined;
  const preview = check.preview[object];
  const fetched = useDescribe(!inDraft && published?.snapshot.objects[object] ? object : null);
  return useMemo((): DraftDescribe => {
    if (inDraft) {
      if (check.status === 'invalid' || check.status === 'conflict') return { status: 'invalid' };
      if (check.status === 'error') return { status: 'error', message: check.message ?? '' };
      return preview ? { status: 'ready', describe: previewDescribe(preview) } : { status: 'checking' };
    }
    if (fetched.error) return { status: 'error', message: fetched.error.message };
    return fetched.data ? { status: 'ready', describe: previewDescribe(fetched.data.object) } : { status: 'loading' };
  }, [inDraft, check.status, check.message, preview, fetched.error, fetched.data]);
}
