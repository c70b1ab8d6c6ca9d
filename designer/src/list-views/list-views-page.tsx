import { useMemo, useRef } from 'react';
import type { ListView } from '../../../engine/shared/metadata-types';
import type { FieldDef } from '../../../runtime-ui/src/api/describe';
import { useDraft } from '../draft/draft-store';
import { useText } from '../i18n/text';
import { placeableFields, rawFieldDefs } from '../layout/object-fields';
import { useDraftDescribe } from '../layout/use-draft-describe';
import { ObjectEditorPage } from '../shell/object-editor-page';
import { ListViewsEditor } from './list-views-editor';
import { viewMessages } from './messages';
import '../layout/layout.css';
import './list-views.css';

/**
 * The fields views may use: the server's normalized ones (picklist values
 * resolved) once the draft checks out, else as the draft writes them; the
 * last normalized set is kept while a new check runs, so value pickers do
 * not flicker.
 */
function useViewFields(object: string): FieldDef[] {
  const def = useDraft().snapshot.objects[object];
  const state = useDraftDescribe(object);
  const last = useRef<FieldDef[]>(undefined);
  if (state.status === 'ready') last.current = state.describe.object.fields;
  const normalized = state.status === 'ready' || state.status === 'checking' ? last.current : undefined;
  return useMemo(() => placeableFields(normalized ?? (def ? rawFieldDefs(def) : [])), [normalized, def]);
}

/** /designer/objects/:object/views: the object's list views, edited in the draft. */
export function ListViewsPage({ object }: { object: string }) {
  const t = useText(viewMessages);
  const { check } = useDraft();
  const fields = useViewFields(object);
  return (
    <ObjectEditorPage object={object} className="views-page" notFound={t('noObject', { name: object })}>
      {(def, update) => {
        const change = (views: ListView[]) => {
          const { listViews: _, ...rest } = def;
          update(views.length ? { ...rest, listViews: views } : rest);
        };
        return (
          <>
            <h2>{t('title')}</h2>
            <ListViewsEditor def={def} fields={fields} issues={check.issues} onChange={change} />
          </>
        );
      }}
    </ObjectEditorPage>
  );
}
