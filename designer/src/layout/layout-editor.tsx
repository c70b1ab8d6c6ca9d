import { DndContext, DragOverlay, KeyboardSensor, MouseSensor, TouchSensor, useDroppable, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { useMemo, useState, type ReactNode } from 'react';
import type { RawObjectDef, RawPageLayout, RawSnapshot } from '../../../engine/shared/metadata-types';
import type { FieldDef } from '../../../runtime-ui/src/api/describe';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { issuesUnder, type DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { FieldChip } from './field-chip';
import { HeaderFieldsEditor } from './header-fields-editor';
import { IssueList } from '../draft/issue-list';
import { applyDrop, dndId, layoutCollisions } from './layout-dnd';
import { addSection, forgetField, moveField, placedFields, startingLayout } from './layout-model';
import { placeableFields, rawFieldDefs } from './object-fields';
import { RelatedListsEditor } from './related-lists-editor';
import { SectionCard } from './section-card';
import { layoutMessages } from './messages';

interface Props {
  def: RawObjectDef;
  snapshot: RawSnapshot;
  /** The draft's issues (all of them; the editor shows those under /objects/<o>/layout). */
  issues: DraftIssue[];
  /** The object's next layout; undefined goes back to the generated one. */
  onChange(layout: RawPageLayout | undefined): void;
}

/** Issues the sections, header and related lists do not show themselves. */
const ELSEWHERE = /\/layout\/(sections|headerFields|relatedLists)\/\d+/;

/** The page layout editor: a palette of unplaced fields, the sections, header fields and related lists. */
export function LayoutEditor({ def, snapshot, issues, onChange }: Props) {
  const t = useText(layoutMessages);
  const { label } = useI18n();
  const layout = useMemo(() => startingLayout(def), [def]);
  const all = useMemo(() => rawFieldDefs(def), [def]);
  const fields = useMemo(() => placeableFields(all), [all]);
  const defs = useMemo(() => new Map<string, FieldDef>(all.map((f) => [f.name, f])), [all]);
  const base = `/objects/${def.name}/layout`;
  const mine = issuesUnder(issues, base);
  const placed = new Set(placedFields(layout));
  const palette = fields.filter((f) => !placed.has(f.name));
  const [dragging, setDragging] = useState<string>();
  const sensors = useSensors(useSensor(MouseSensor, { activationConstraint: { distance: 5 } }), useSensor(TouchSensor, { activationConstraint: { delay: 180, tolerance: 8 } }), useSensor(KeyboardSensor));
  const onDragStart = (e: DragStartEvent) => setDragging(String(e.active.id));
  const onDragEnd = (e: DragEndEvent) => {
    setDragging(undefined);
    const next = applyDrop(layout, String(e.active.id), e.over ? String(e.over.id) : undefined);
    if (next !== layout) onChange(next);
  };
  const dragText = dragging?.startsWith('field:') ? label(defs.get(dragging.slice(6))?.label, dragging.slice(6)) : dragging ? t('section', { n: Number(dragging.split(':')[1]) + 1 }) : '';

  return (
    <div className="layout-editor">
      {!def.layout && <p className="layout-note" data-testid="layout-generated">{t('generatedNote')}</p>}
      {def.layout && (
        <button type="button" className="link" onClick={() => onChange(undefined)} data-testid="layout-reset">
          {t('reset')}
        </button>
      )}
      <IssueList issues={mine.filter((i) => !ELSEWHERE.test(i.path))} testId="layout-issues" />
      <DndContext sensors={sensors} collisionDetection={layoutCollisions} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(undefined)}>
        <div className="layout-columns">
          <Palette>
            {palette.length === 0 && <p className="hint">{t('paletteEmpty')}</p>}
            {palette.map((f) => (
              <FieldChip key={f.name} name={f.name} def={f} where="palette" sectionLabels={layout.sections.map((s) => s.label)} issues={[]} canUp={false} canDown={false} onMove={(to) => onChange(moveField(layout, f.name, to))} onStep={() => undefined} onForget={() => onChange(forgetField(layout, f.name))} />
            ))}
          </Palette>
          <div className="layout-sections">
            <h2>{t('sections')}</h2>
            {layout.sections.map((_, i) => (
              <SectionCard key={i} layout={layout} index={i} defs={defs} issues={issuesUnder(mine, `${base}/sections/${i}`)} path={`${base}/sections/${i}`} onChange={onChange} />
            ))}
            <button type="button" onClick={() => onChange(addSection(layout, { en: t('newSection'), 'zh-CN': '新分区' }))} data-testid="layout-add-section">
              {t('addSection')}
            </button>
          </div>
        </div>
        <DragOverlay dropAnimation={null}>{dragging ? <div className="layout-chip layout-overlay">{dragText}</div> : null}</DragOverlay>
      </DndContext>
      <div className="layout-columns">
        <HeaderFieldsEditor layout={layout} fields={fields} defs={defs} issues={issuesUnder(mine, `${base}/headerFields`)} path={`${base}/headerFields`} onChange={onChange} />
        <RelatedListsEditor object={def.name} layout={layout} snapshot={snapshot} issues={issuesUnder(mine, `${base}/relatedLists`)} path={`${base}/relatedLists`} onChange={onChange} />
      </div>
    </div>
  );
}

/** The unplaced fields; also a drop target that takes a field out of the layout. */
function Palette({ children }: { children: ReactNode }) {
  const t = useText(layoutMessages);
  const drop = useDroppable({ id: dndId.palette });
  return (
    <aside ref={drop.setNodeRef} className={`layout-palette${drop.isOver ? ' drop-over' : ''}`} data-testid="layout-palette" aria-label={t('palette')}>
      <h2>{t('palette')}</h2>
      {children}
    </aside>
  );
}
