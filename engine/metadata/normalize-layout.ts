import type { Issue } from '../core/errors';
import { normalizeLabel } from '../shared/labels';
import type { PageLayout, RawObjectDef } from '../shared/metadata-types';
import { SYSTEM_FIELD_NAMES } from './system-fields';

/**
 * Checks and normalizes an object's page layout: every field it places exists
 * (once), header fields exist, and each related list names a lookup of
 * another object that points at this one. Issues name the exact path.
 */
export function normalizeLayout(ro: RawObjectDef, names: Set<string>, objects: Record<string, RawObjectDef>, base: string, issues: Issue[]): PageLayout | undefined {
  const raw = ro.layout;
  if (!raw) return undefined;
  const at = `${base}/layout`;
  const placed = new Set<string>();
  const sections = raw.sections.map((s, i) => {
    s.fields.forEach((f, j) => {
      if (!names.has(f)) issues.push({ path: `${at}/sections/${i}/fields/${j}`, code: 'UNKNOWN_FIELD', message: `field "${f}" does not exist` });
      else if (placed.has(f)) issues.push({ path: `${at}/sections/${i}/fields/${j}`, code: 'DUPLICATE_FIELD', message: `field "${f}" is placed twice` });
      placed.add(f);
    });
    return { label: normalizeLabel(s.label, `section ${i + 1}`), columns: s.columns ?? 2, fields: s.fields };
  });
  (raw.headerFields ?? []).forEach((f, j) => names.has(f) || issues.push({ path: `${at}/headerFields/${j}`, code: 'UNKNOWN_FIELD', message: `field "${f}" does not exist` }));
  const relatedLists = raw.relatedLists?.map((r, i) => {
    const child = objects[r.object];
    const lookup = child?.fields.find((f) => f.name === r.field);
    if (!child) issues.push({ path: `${at}/relatedLists/${i}/object`, code: 'UNKNOWN_OBJECT', message: `object "${r.object}" does not exist` });
    else if (!lookup || lookup.type !== 'lookup' || lookup.options?.target !== ro.name) {
      issues.push({ path: `${at}/relatedLists/${i}/field`, code: 'LAYOUT_INVALID', message: `"${r.object}.${r.field}" is not a lookup to ${ro.name}` });
    } else {
      const childNames = new Set([...SYSTEM_FIELD_NAMES, ...child.fields.map((f) => f.name)]);
      (r.columns ?? []).forEach((c, j) => childNames.has(c) || issues.push({ path: `${at}/relatedLists/${i}/columns/${j}`, code: 'UNKNOWN_FIELD', message: `field "${c}" does not exist on ${r.object}` }));
    }
    return { object: r.object, field: r.field, ...(r.label !== undefined ? { label: normalizeLabel(r.label, r.object) } : {}), ...(r.columns ? { columns: r.columns } : {}) };
  });
  return { sections, headerFields: raw.headerFields ?? sections[0]?.fields.slice(0, 4) ?? [], ...(relatedLists ? { relatedLists } : {}) };
}
