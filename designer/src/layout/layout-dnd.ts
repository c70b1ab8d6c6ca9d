import { pointerWithin, rectIntersection, type CollisionDetection } from '@dnd-kit/core';
import type { RawPageLayout } from '../../../engine/shared/metadata-types';
import { moveField, moveSection } from './layout-model';

/**
 * Drag and drop ids. Draggables: a field (`field:<name>`, from the palette or
 * a section) and a section's handle (`drag-section:<i>`). Drop targets: a
 * section (`section:<i>`, at its end), a placed field (`before:<name>`, just
 * before it) and the palette (`palette`, out of the layout).
 */
export const dndId = {
  field: (name: string) => `field:${name}`,
  dragSection: (i: number) => `drag-section:${i}`,
  section: (i: number) => `section:${i}`,
  before: (name: string) => `before:${name}`,
  palette: 'palette',
} as const;

const after = (id: string, prefix: string): string | undefined => (id.startsWith(prefix) ? id.slice(prefix.length) : undefined);

/** The section a drop target belongs to. */
function sectionOf(layout: RawPageLayout, over: string): number | undefined {
  const s = after(over, 'section:');
  if (s !== undefined) return Number(s);
  const before = after(over, 'before:');
  if (before === undefined) return undefined;
  const i = layout.sections.findIndex((x) => x.fields.includes(before));
  return i < 0 ? undefined : i;
}

/** The layout after dropping `active` on `over` (unchanged when the drop means nothing). */
export function applyDrop(layout: RawPageLayout, active: string, over: string | undefined): RawPageLayout {
  if (over === undefined) return layout;
  const field = after(active, 'field:');
  if (field !== undefined) {
    if (over === dndId.palette) return moveField(layout, field, 'palette');
    const before = after(over, 'before:');
    const section = sectionOf(layout, over);
    if (section === undefined) return layout;
    return moveField(layout, field, { section, ...(before !== undefined ? { before } : {}) });
  }
  const from = after(active, 'drag-section:');
  const to = sectionOf(layout, over);
  return from === undefined || to === undefined ? layout : moveSection(layout, Number(from), to);
}

/**
 * Under the pointer, a field beats the section around it (drop before that
 * field); the keyboard has no pointer, so it falls back to overlapping boxes.
 */
export const layoutCollisions: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  if (!hits.length) return rectIntersection(args);
  const fields = hits.filter((h) => String(h.id).startsWith('before:'));
  return fields.length ? fields : hits;
};
