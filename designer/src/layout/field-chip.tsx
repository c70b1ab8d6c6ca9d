import { useDraggable, useDroppable } from '@dnd-kit/core';
import type { RawLabel } from '../../../engine/shared/metadata-types';
import type { FieldDef } from '../../../runtime-ui/src/api/describe';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import type { DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { IssueList } from '../draft/issue-list';
import { dndId } from './layout-dnd';
import type { FieldTarget } from './layout-model';
import { layoutMessages } from './messages';

/** Keeps a control's own pointer and key presses from starting a drag of the chip around it. */
const ownEvents = {
  onPointerDown: (e: { stopPropagation(): void }) => e.stopPropagation(),
  onKeyDown: (e: { stopPropagation(): void }) => e.stopPropagation(),
};

interface Props {
  name: string;
  /** The field's definition; undefined when the draft no longer has the field. */
  def: FieldDef | undefined;
  /** The section it sits in, or the palette. */
  where: number | 'palette';
  sectionLabels: RawLabel[];
  issues: DraftIssue[];
  canUp: boolean;
  canDown: boolean;
  onMove(to: FieldTarget): void;
  onStep(delta: -1 | 1): void;
  /** Takes the field out of the layout entirely (for a field the draft removed, also out of the header). */
  onForget(): void;
}

/**
 * A field in the palette or placed in a section: drag it by its handle, or
 * use its "move to" menu and up / down buttons (keyboard and tests). A
 * placed field is also a drop target: a field dropped on it goes before it.
 */
export function FieldChip({ name, def, where, sectionLabels, issues, canUp, canDown, onMove, onStep, onForget }: Props) {
  const t = useText(layoutMessages);
  const { label } = useI18n();
  const placed = where !== 'palette';
  const drag = useDraggable({ id: dndId.field(name), disabled: !def });
  const drop = useDroppable({ id: dndId.before(name), disabled: !placed });
  const missing = !def;
  const text = def ? label(def.label, name) : name;
  const classes = ['layout-chip', placed ? 'placed' : 'in-palette', missing || issues.length ? 'has-error' : '', drag.isDragging ? 'dragging' : '', drop.isOver ? 'drop-before' : ''].filter(Boolean).join(' ');
  return (
    <div
      ref={(el) => {
        drag.setNodeRef(el);
        drop.setNodeRef(el);
      }}
      className={classes}
      data-testid={placed ? `layout-field-${name}` : `layout-palette-${name}`}
      data-missing={missing || undefined}
    >
      <span className="layout-chip-main">
        {def && (
          <button type="button" className="layout-handle" aria-label={t('dragField', { field: text })} {...drag.attributes} {...drag.listeners}>
            ⠿
          </button>
        )}
        <span className="layout-chip-label">{text}</span>
        <code>{name}</code>
        {def && <span className="layout-chip-type">{def.type}</span>}
      </span>
      {missing ? (
        <span className="layout-chip-missing">
          <span className="issue">{t('missingField')}</span>
          <button type="button" className="link" onClick={onForget} data-testid={`layout-remove-${name}`}>
            {t('removeMissing')}
          </button>
        </span>
      ) : (
        <span className="layout-chip-controls" {...ownEvents}>
          <select aria-label={placed ? t('moveTo') : t('placeIn')} value={String(where)} onChange={(e) => onMove(e.target.value === 'palette' ? 'palette' : { section: Number(e.target.value) })} data-testid={`layout-move-${name}`}>
            <option value="palette">{placed ? t('toPalette') : t('placeIn')}</option>
            {sectionLabels.map((l, i) => (
              <option key={i} value={String(i)}>
                {`${i + 1}. ${label(l, t('section', { n: i + 1 }))}`}
              </option>
            ))}
          </select>
          {placed && (
            <>
              <button type="button" aria-label={t('up')} title={t('up')} disabled={!canUp} onClick={() => onStep(-1)} data-testid={`layout-up-${name}`}>
                ↑
              </button>
              <button type="button" aria-label={t('down')} title={t('down')} disabled={!canDown} onClick={() => onStep(1)} data-testid={`layout-down-${name}`}>
                ↓
              </button>
              <button type="button" className="link" aria-label={t('unplace')} title={t('unplace')} onClick={() => onMove('palette')} data-testid={`layout-remove-${name}`}>
                ×
              </button>
            </>
          )}
        </span>
      )}
      <IssueList issues={issues} />
    </div>
  );
}
