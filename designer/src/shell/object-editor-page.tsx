import type { ReactNode } from 'react';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import { useDraft } from '../draft/draft-store';
import { useText } from '../i18n/text';
import { commonMessages } from './common-messages';
import { ObjectTabs } from './object-tabs';

interface Props {
  object: string;
  /** The page's class (and test id), on the element that holds the tabs and the page. */
  className: string;
  testId?: string;
  /** What to say when the draft has no such object (by default: there is no object "…" in the draft). */
  notFound?: string;
  /** The page for the object's definition as the draft has it; `update` writes the whole object back into the draft. */
  children(def: RawObjectDef, update: (def: RawObjectDef) => void): ReactNode;
}

/**
 * The frame of a page that edits one part of an object
 * (/designer/objects/:object/…): the object's tabs, then the page, or an
 * alert when the draft has no such object. Hooks belong in the page
 * component, before it returns this frame: `children` is called only when
 * the object exists.
 */
export function ObjectEditorPage({ object, className, testId, notFound, children }: Props) {
  const t = useText(commonMessages);
  const { snapshot, putObject } = useDraft();
  const def = snapshot.objects[object];
  if (!def)
    return (
      <>
        <ObjectTabs object={object} />
        <p role="alert">{notFound ?? t('objectNotFound', { object })}</p>
      </>
    );
  return (
    <div className={className} data-testid={testId}>
      <ObjectTabs object={object} />
      {children(def, putObject)}
    </div>
  );
}
