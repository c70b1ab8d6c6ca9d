import type { Describe, FieldDef, PageLayout } from '../api/describe';

/** System fields shown at the end of a generated layout (who owns and changed the record, and when). */
const SYSTEM_SECTION = ['owner_id', 'created_by', 'created_at', 'updated_by', 'updated_at'];
/** Types too long for the header. */
const LONG_TYPES = new Set(['textarea', 'multipicklist']);

/**
 * The layout the record page uses: the object's own (fields the user may
 * not read left out), or a generated one — the admin's fields in two
 * columns, then who owns and changed the record.
 */
export function effectiveLayout(describe: Describe): PageLayout {
  const readable = new Map(describe.object.fields.map((f) => [f.name, f]));
  const own = describe.object.layout;
  if (own) {
    return {
      sections: own.sections.map((s) => ({ ...s, fields: s.fields.filter((f) => readable.has(f)) })).filter((s) => s.fields.length > 0),
      headerFields: own.headerFields.filter((f) => readable.has(f) && f !== 'name'),
      ...(own.relatedLists ? { relatedLists: own.relatedLists } : {}),
    };
  }
  return generatedLayout(describe.object.fields);
}

/** A layout for an object without one. */
export function generatedLayout(fields: FieldDef[]): PageLayout {
  const custom = fields.filter((f) => !f.system);
  const system = SYSTEM_SECTION.filter((n) => fields.some((f) => f.name === n));
  const sections: PageLayout['sections'] = [];
  if (custom.length) sections.push({ label: { en: 'Details', 'zh-CN': '详细信息' }, columns: 2, fields: custom.map((f) => f.name) });
  if (system.length) sections.push({ label: { en: 'System information', 'zh-CN': '系统信息' }, columns: 2, fields: system });
  return { sections, headerFields: custom.filter((f) => !LONG_TYPES.has(f.type)).slice(0, 4).map((f) => f.name) };
}
