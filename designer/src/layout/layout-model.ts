import type { RawObjectDef, RawPageLayout } from '../../../engine/shared/metadata-types';
import { normalizeLabel } from '../../../engine/shared/labels';
import { generatedLayout } from '../../../runtime-ui/src/record/page-layout';
import { rawFieldDefs } from './object-fields';

/** One section of a layout as written. */
export type LayoutSection = RawPageLayout['sections'][number];

/** Where a field goes: into a section (at its end, or just before another field), or out of the layout. */
export type FieldTarget = { section: number; before?: string } | 'palette';

/** The generated layout's last section: who owns and changed the record. */
const SYSTEM_SECTION = new Set(['owner_id', 'created_by', 'created_at', 'updated_by', 'updated_at']);

/** How many key fields the record page's header shows at most. */
export const MAX_HEADER_FIELDS = 4;

/**
 * The layout the editor starts from: the object's own, or the one the runtime
 * UI generates without one (record/page-layout.ts) with the record's name
 * first, so the generated form keeps its name field once the layout is saved.
 */
export function startingLayout(def: RawObjectDef): RawPageLayout {
  if (def.layout) return def.layout;
  const generated = generatedLayout(rawFieldDefs(def));
  const sections: LayoutSection[] = generated.sections.map((s) => ({ label: normalizeLabel(s.label, ''), columns: s.columns, fields: [...s.fields] }));
  // The generated layout leaves `name` to the record page's title; a form needs it in a section.
  const first = sections[0];
  if (first && !first.fields.some((f) => SYSTEM_SECTION.has(f))) first.fields.unshift('name');
  else sections.unshift({ label: { en: 'Details', 'zh-CN': '详细信息' }, columns: 2, fields: ['name'] });
  return { sections, headerFields: generated.headerFields };
}

/** The fields the sections place, in order. */
export const placedFields = (layout: RawPageLayout): string[] => layout.sections.flatMap((s) => s.fields);

const withSections = (layout: RawPageLayout, sections: LayoutSection[]): RawPageLayout => ({ ...layout, sections });

/** Takes a field out of every section. */
export const unplaceField = (layout: RawPageLayout, field: string): RawPageLayout => withSections(layout, layout.sections.map((s) => ({ ...s, fields: s.fields.filter((f) => f !== field) })));

/** Puts a field where it is dropped or sent (taking it from where it was). */
export function moveField(layout: RawPageLayout, field: string, to: FieldTarget): RawPageLayout {
  if (to !== 'palette' && to.before === field) return layout;
  const out = unplaceField(layout, field);
  if (to === 'palette' || !out.sections[to.section]) return out;
  return withSections(
    out,
    out.sections.map((s, i) => {
      if (i !== to.section) return s;
      const at = to.before === undefined ? -1 : s.fields.indexOf(to.before);
      const fields = [...s.fields];
      fields.splice(at < 0 ? fields.length : at, 0, field);
      return { ...s, fields };
    }),
  );
}

/** Moves a placed field one place up or down; past a section's edge it goes to the end / start of the neighbouring section. */
export function stepField(layout: RawPageLayout, field: string, delta: -1 | 1): RawPageLayout {
  const si = layout.sections.findIndex((s) => s.fields.includes(field));
  if (si < 0) return layout;
  const fields = layout.sections[si]!.fields;
  const j = fields.indexOf(field);
  const k = j + delta;
  if (k >= 0 && k < fields.length) {
    const next = [...fields];
    [next[j], next[k]] = [next[k]!, next[j]!];
    return withSections(layout, layout.sections.map((s, i) => (i === si ? { ...s, fields: next } : s)));
  }
  const neighbour = layout.sections[si + delta];
  if (!neighbour) return layout;
  return moveField(layout, field, delta < 0 ? { section: si - 1 } : { section: si + 1, ...(neighbour.fields[0] ? { before: neighbour.fields[0] } : {}) });
}

/** Whether a field can move up / down (stepField would change something). */
export function canStep(layout: RawPageLayout, field: string, delta: -1 | 1): boolean {
  const si = layout.sections.findIndex((s) => s.fields.includes(field));
  if (si < 0) return false;
  const j = layout.sections[si]!.fields.indexOf(field);
  const k = j + delta;
  return (k >= 0 && k < layout.sections[si]!.fields.length) || layout.sections[si + delta] !== undefined;
}

/** Changes a section's label or columns. */
export const updateSection = (layout: RawPageLayout, index: number, patch: Partial<LayoutSection>): RawPageLayout => withSections(layout, layout.sections.map((s, i) => (i === index ? { ...s, ...patch } : s)));

export const addSection = (layout: RawPageLayout, label: LayoutSection['label']): RawPageLayout => withSections(layout, [...layout.sections, { label, columns: 2, fields: [] }]);

/** Removes a section; its fields go back to the palette. */
export const removeSection = (layout: RawPageLayout, index: number): RawPageLayout => withSections(layout, layout.sections.filter((_, i) => i !== index));

/** Moves a section to another position. */
export function moveSection(layout: RawPageLayout, from: number, to: number): RawPageLayout {
  if (from === to || !layout.sections[from] || !layout.sections[to]) return layout;
  const sections = [...layout.sections];
  const [moved] = sections.splice(from, 1);
  sections.splice(to, 0, moved!);
  return withSections(layout, sections);
}

/** Takes a field out of the whole layout: sections and header (a field the draft removed). */
export function forgetField(layout: RawPageLayout, field: string): RawPageLayout {
  const out = unplaceField(layout, field);
  return out.headerFields ? { ...out, headerFields: out.headerFields.filter((f) => f !== field) } : out;
}

/** Moves one item of a list up or down (for header fields and related lists). */
export function stepItem<T>(list: T[], index: number, delta: -1 | 1): T[] {
  const k = index + delta;
  if (k < 0 || k >= list.length) return list;
  const next = [...list];
  [next[index], next[k]] = [next[k]!, next[index]!];
  return next;
}
