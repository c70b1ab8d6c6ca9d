import type { RawObjectDef, RawValueSet } from '../../../engine/shared/metadata-types';
import { ApiError } from '../../../runtime-ui/src/api/api-error';
import { api, get } from '../../../runtime-ui/src/api/client';
import { changesBody, type Draft, type DraftCheck, type PublishAnswer, type Published } from './draft-types';

/** The published objects and value sets, at one version (two reads; a publish in between is caught by baseVersion). */
export async function loadPublished(): Promise<Published> {
  const [o, v] = await Promise.all([get<{ version: number; objects: RawObjectDef[] }>('/metadata/objects'), get<{ version: number; valueSets: RawValueSet[] }>('/metadata/value-sets')]);
  return {
    version: Math.min(o.version, v.version),
    snapshot: { objects: Object.fromEntries(o.objects.map((x) => [x.name, x])), valueSets: Object.fromEntries(v.valueSets.map((x) => [x.name, x])) },
  };
}

/** POST /metadata/changes for a draft, as a dry run (with previews of the objects it writes) or for real. */
export function sendChanges(d: Draft, opts: { dryRun: boolean; confirm?: boolean; summary?: string }): Promise<PublishAnswer> {
  const body = changesBody(d);
  const q = new URLSearchParams({ baseVersion: String(d.baseVersion) });
  if (opts.dryRun) q.set('dryRun', 'true');
  if (opts.confirm) q.set('confirm', 'true');
  const written = Object.keys(body.objects);
  if (opts.dryRun && written.length) q.set('preview', written.slice(0, 50).join(','));
  return api<PublishAnswer>('POST', `/metadata/changes?${q}`, { ...body, ...(opts.summary ? { summary: opts.summary } : {}) });
}

/** A refusal of the metadata API as the draft's check state. */
export function checkOfError(e: unknown): DraftCheck {
  const base = { issues: [], plan: [], preview: {} };
  if (!(e instanceof ApiError)) return { ...base, status: 'error', message: String(e) };
  if (e.code === 'METADATA_VERSION_CONFLICT') return { ...base, status: 'conflict', code: e.code, message: e.message, currentVersion: Number(e.details.currentVersion) };
  if (e.status === 0 || e.status >= 500) return { ...base, status: 'error', code: e.code, message: e.message };
  const issues = e.issues.length ? e.issues : typeof e.details.path === 'string' ? [{ path: e.details.path, code: e.code, message: e.message }] : [];
  const plan = Array.isArray(e.details.plan) ? (e.details.plan as DraftCheck['plan']) : [];
  return { ...base, status: 'invalid', code: e.code, message: e.message, issues, plan };
}
