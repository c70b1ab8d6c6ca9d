import type { RawPageLayout } from '../../../engine/shared/metadata-types';
import { useDraft } from '../draft/draft-store';
import { useText } from '../i18n/text';
import { ObjectEditorPage } from '../shell/object-editor-page';
import { LayoutEditor } from './layout-editor';
import { LayoutPreview } from './layout-preview';
import { layoutMessages } from './messages';
import { useDraftDescribe } from './use-draft-describe';
import './layout.css';

/** /designer/objects/:object/layout: the object's page layout, edited in the draft, with a live preview of the form. */
export function LayoutPage({ object }: { object: string }) {
  const t = useText(layoutMessages);
  const { snapshot, check, published } = useDraft();
  const state = useDraftDescribe(object);
  return (
    <ObjectEditorPage object={object} className="layout-page" notFound={t('noObject', { name: object })}>
      {(def, update) => {
        const change = (layout: RawPageLayout | undefined) => {
          const { layout: _, ...rest } = def;
          update(layout ? { ...rest, layout } : rest);
        };
        return (
          <>
            <LayoutEditor def={def} snapshot={snapshot} issues={check.issues} onChange={change} />
            <LayoutPreview object={object} state={state} published={Boolean(published?.snapshot.objects[object])} />
          </>
        );
      }}
    </ObjectEditorPage>
  );
}
