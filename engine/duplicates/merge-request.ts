import { AppError, type Issue } from '../core/errors';
import type { CompiledObject } from '../metadata/compiled-object';
import { isUuid } from '../records/record-id';

/** At most this many records merge into one survivor per request. */
export const MAX_MERGED = 3;

/** A checked merge request: ids lower-cased, every chosen value coming from one of the records. */
export interface MergeRequest {
  survivor: string;
  merged: string[];
  /** Field → the record whose value the survivor takes (fields left out keep the survivor's value). */
  values: Record<string, string>;
  version?: number;
}

const invalid = (message: string, issues: Issue[]) => new AppError('MERGE_INVALID', message, { issues });

/**
 * Reads `{survivor, merged, values?, version?}`: a survivor and 1–3 other
 * records of the same object, no repeats, the survivor not among the merged,
 * values only for fields that can be written and only from those records
 * (400 MERGE_INVALID with the issues, before anything is read or written).
 */
export function parseMergeRequest(obj: CompiledObject, body: unknown): MergeRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('the body must be a JSON object', [{ path: '/', code: 'FIELD_TYPE', message: 'must be an object' }]);
  const b = body as Record<string, unknown>;
  const issues: Issue[] = [];
  for (const k of Object.keys(b)) if (!['survivor', 'merged', 'values', 'version'].includes(k)) issues.push({ path: `/${k}`, code: 'UNKNOWN_FIELD', message: 'not part of a merge request' });
  const survivor = typeof b.survivor === 'string' && isUuid(b.survivor) ? b.survivor.toLowerCase() : undefined;
  if (!survivor) issues.push({ path: '/survivor', code: 'FIELD_INVALID', message: 'the id of the record that stays' });
  const merged: string[] = [];
  if (!Array.isArray(b.merged) || b.merged.length === 0 || b.merged.length > MAX_MERGED) {
    issues.push({ path: '/merged', code: 'FIELD_INVALID', message: `the ids of 1 to ${MAX_MERGED} records to merge into the survivor` });
  } else {
    b.merged.forEach((id, i) => {
      if (typeof id !== 'string' || !isUuid(id)) return issues.push({ path: `/merged/${i}`, code: 'FIELD_INVALID', message: 'a record id' });
      const lower = id.toLowerCase();
      if (lower === survivor) issues.push({ path: `/merged/${i}`, code: 'MERGE_SURVIVOR_MERGED', message: 'the survivor cannot also be merged' });
      else if (merged.includes(lower)) issues.push({ path: `/merged/${i}`, code: 'MERGE_REPEATED', message: 'this record is named twice' });
      merged.push(lower);
    });
  }
  const values: Record<string, string> = {};
  if (b.values !== undefined && (typeof b.values !== 'object' || b.values === null || Array.isArray(b.values))) issues.push({ path: '/values', code: 'FIELD_TYPE', message: 'an object: field → id of the record whose value wins' });
  else {
    const ids = new Set([survivor, ...merged]);
    for (const [field, from] of Object.entries((b.values ?? {}) as Record<string, unknown>)) {
      if (!obj.writable.has(field)) issues.push({ path: `/values/${field}`, code: 'UNKNOWN_FIELD', message: `${obj.def.name} has no field "${field}" that can be written` });
      else if (typeof from !== 'string' || !ids.has(from.toLowerCase())) issues.push({ path: `/values/${field}`, code: 'FIELD_INVALID', message: 'the id of the survivor or of a merged record' });
      else values[field] = from.toLowerCase();
    }
  }
  if (b.version !== undefined && !(typeof b.version === 'number' && Number.isInteger(b.version) && b.version > 0)) issues.push({ path: '/version', code: 'FIELD_INVALID', message: "the survivor's version you read" });
  if (issues.length) throw invalid(issues[0]!.message, issues);
  return { survivor: survivor!, merged, values, ...(typeof b.version === 'number' ? { version: b.version } : {}) };
}
