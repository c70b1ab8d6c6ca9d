import { useDraggable, useDroppable } from '@dnd-kit/core';
import type { RawPageLayout } from '../../../engine/shared/metadata-types';
import type { FieldDef } from '../../../runtime-ui/src/api/describe';
import { issuesUnder, type DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { FieldChip } from './field-chip';
import { IssueList } from '../draft/issue-list';
import { LabelInputs } from './label-inputs';
import { dndId } from './layout-dnd';
import { canStep, forgetField, moveField, moveSection, removeSection, stepField, updateSection } from './layout-model';
import { layoutMessages } from './messages';

interface Props {
  layout: RawPageLayout;
  index: number;
  defs: Map<string, FieldDef>;
  /** The server's issues under this section (/objects/<o>/layout/sections/<i>). */
  issues: DraftIssue[];
  /** The JSON pointer of this section, to find each field's issues. */
  path: string;
  onChange(next: RawPageLayout): void;
}

/** One section: its labels, one or two columns of fields (as the form lays them out), and its own controls. */
export function SectionCard({ layout, index, defs, issues, path, onChange }: Props) {
  const t = useText(layoutMessages);
  const section = layout.sections[index]!;
  const drop = useDroppable({ id: dndId.section(index) });
  const drag = useDraggable({ id: dndId.dragSection(index) });
  const labels = layout.sections.map((s) => s.label);
  const own = issues.filter((i) => !i.path.startsWith(`${path}/fields/`));
  const last = layout.sections.length - 1;
  return (
    <section ref={drop.setNodeRef} className={`layout-section${drop.isOver ? ' drop-over' : ''}${drag.isDragging ? ' dragging' : ''}`} data-testid={`layout-section-${index}`} aria-label={t('section', { n: index + 1 })}>
      <header className="layout-section-head" ref={drag.setNodeRef}>
        <button type="button" className="layout-handle" aria-label={t('dragSection')} {...drag.attributes} {...drag.listeners}>
          ⠿
        </button>
        <LabelInputs value={section.label} onChange={(label) => onChange(updateSection(layout, index, { label }))} testid="layout-section-label" suffix={index} names={{ en: t('labelEn'), zh: t('labelZh') }} />
        <select aria-label={t('columns')} value={String(section.columns ?? 2)} onChange={(e) => onChange(updateSection(layout, index, { columns: e.target.value === '1' ? 1 : 2 }))} data-testid={`layout-section-columns-${index}`}>
          <option value="1">{t('oneColumn')}</option>
          <option value="2">{t('twoColumns')}</option>
        </select>
        <span className="spacer" />
        <button type="button" aria-label={t('sectionUp')} title={t('sectionUp')} disabled={index === 0} onClick={() => onChange(moveSection(layout, index, index - 1))} data-testid={`layout-section-up-${index}`}>
          ↑
        </button>
        <button type="button" aria-label={t('sectionDown')} title={t('sectionDown')} disabled={index === last} onClick={() => onChange(moveSection(layout, index, index + 1))} data-testid={`layout-section-down-${index}`}>
          ↓
        </button>
        <button type="button" className="link" disabled={last === 0} onClick={() => onChange(removeSection(layout, index))} data-testid={`layout-section-remove-${index}`}>
          {t('removeSection')}
        </button>
      </header>
      <IssueList issues={own} />
      <div className={`layout-grid cols-${section.columns === 1 ? 1 : 2}`}>
        {section.fields.map((name, j) => (
          <FieldChip
            key={`${name}:${j}`}
            name={name}
            def={defs.get(name)}
            where={index}
            sectionLabels={labels}
            issues={issuesUnder(issues, `${path}/fields/${j}`)}
            canUp={canStep(layout, name, -1)}
            canDown={canStep(layout, name, 1)}
            onMove={(to) => onChange(moveField(layout, name, to))}
            onStep={(d) => onChange(stepField(layout, name, d))}
            onForget={() => onChange(forgetField(layout, name))}
          />
        ))}
        {section.fields.length === 0 && <p className="layout-empty">{t('dropHere')}</p>}
      </div>
    </section>
  );
}
