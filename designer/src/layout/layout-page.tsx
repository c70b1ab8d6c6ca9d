import type { RawPageLayout } from '../../../engine/shared/metadata-types';
import { useDraft } from '../draft/draft-store';
import { useText } from '../i18n/text';
import { ObjectTabs } from '../shell/object-tabs';
import { LayoutEditor } from './layout-editor';
import { LayoutPreview } from './layout-preview';
import { layoutMessages } from './messages';
import { useDraftDescribe } from './use-draft-describe';
import './layout.css';

/** /designer/objects/:object/layout: the object's page layout, edited in the draft, with a live preview of the form. */
export function LayoutPage({ object }: { object: string }) {
  const t = useText(layoutMessages);
  const { snapshot, check, published, putObject } = useDraft();
  const def = snapshot.objects[object];
  const state = useDraftDescribe(object);
  if (!def) {
    return (
      <>
        <ObjectTabs object={object} />
        <p role="alert">{t('noObject', { name: object })}</p>
      </>
    );
  }
  const change = (layout: RawPageLayout | undefined) => {
    const { layout: _, ...rest } = def;
    putObject(layout ? { ...rest, layout } : rest);
  };
  return (
    <div className="layout-page">
      <ObjectTabs object={object} />
      <LayoutEditor def={def} snapshot={snapshot} issues={check.issues} onChange={change} />
      <LayoutPreview object={object} state={state} published={Boolean(published?.snapshot.objects[object])} />
    </div>
  );
}
