import { AppError, type Issue } from '../core/errors';
import { isUuid } from '../records/record-id';
import type { TargetChoice } from '../shared/api/conversion';
import type { PreparedConversion } from './prepared-conversion';

/** A parsed, checked conversion request. */
export interface ConvertRequest {
  targets: Record<string, TargetChoice>;
  /** Owner of the new records (default: the targets' assignment rules, else the converting user). */
  owner?: string;
  /** The source version the user read (optional optimistic concurrency). */
  version?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function parseChoice(raw: unknown, t: PreparedConversion['targets'][number], issues: Issue[]): TargetChoice | undefined {
  const at = `/targets/${escape(t.key)}`;
  const bad = (path: string, message: string) => void issues.push({ path: `${at}${path}`, code: 'CONVERSION_INVALID', message });
  if (!isObject(raw)) return bad('', 'must be an object with an action'), undefined;
  for (const k of Object.keys(raw)) if (!['action', 'id', 'values'].includes(k)) bad(`/${escape(k)}`, 'unknown property');
  const { action, id, values } = raw;
  if (action === 'skip') {
    if (!t.optional) bad('/action', `${t.key} is required and cannot be skipped`);
    if (id !== undefined || values !== undefined) bad('', 'a skipped target takes no id or values');
    return { action };
  }
  if (action === 'existing') {
    if (!t.allowExisting) bad('/action', `${t.key} cannot be attached to an existing record`);
    if (typeof id !== 'string' || !isUuid(id)) bad('/id', 'the id of an existing record (a UUID) is required');
    if (values !== undefined) bad('/values', 'values apply only to a new record');
    return typeof id === 'string' ? { action, id: id.toLowerCase() } : undefined;
  }
  if (action === 'create') {
    if (id !== undefined) bad('/id', 'a new record has no id yet');
    if (values !== undefined && !isObject(values)) bad('/values', 'must be an object of field values');
    const own = isObject(values) ? values : {};
    for (const k of Object.keys(own)) if (k in t.links) bad(`/values/${escape(k)}`, `${t.object}.${k} is filled by the conversion`);
    return { action, values: own };
  }
  bad('/action', 'must be "create", "existing" or "skip"');
  return undefined;
}

/**
 * Checks a conversion request against the object's conversion: known target
 * keys, an allowed action each (a target left out is created), an existing
 * id where one is attached. Every problem at once → 400 CONVERSION_INVALID.
 */
export function parseConvertRequest(body: unknown, prepared: PreparedConversion): ConvertRequest {
  const issues: Issue[] = [];
  const b = isObject(body) ? body : undefined;
  if (!b) throw new AppError('CONVERSION_INVALID', 'the body must be a JSON object', { issues: [{ path: '/', code: 'CONVERSION_INVALID', message: 'must be an object' }] });
  for (const k of Object.keys(b)) if (!['targets', 'owner', 'version'].includes(k)) issues.push({ path: `/${escape(k)}`, code: 'CONVERSION_INVALID', message: 'unknown property' });
  const raw = b.targets ?? {};
  if (!isObject(raw)) issues.push({ path: '/targets', code: 'CONVERSION_INVALID', message: 'must be an object keyed by target' });
  const given = isObject(raw) ? raw : {};
  for (const k of Object.keys(given)) {
    if (!prepared.targets.some((t) => t.key === k)) issues.push({ path: `/targets/${escape(k)}`, code: 'CONVERSION_INVALID', message: `"${k}" is not a target of this conversion` });
  }
  const targets: Record<string, TargetChoice> = {};
  for (const t of prepared.targets) {
    const choice = t.key in given ? parseChoice(given[t.key], t, issues) : { action: 'create' as const, values: {} };
    if (choice) targets[t.key] = choice;
  }
  if (b.owner !== undefined && (typeof b.owner !== 'string' || !isUuid(b.owner))) issues.push({ path: '/owner', code: 'CONVERSION_INVALID', message: 'the owner is a user id' });
  if (b.version !== undefined && (typeof b.version !== 'number' || !Number.isInteger(b.version) || b.version < 1)) issues.push({ path: '/version', code: 'CONVERSION_INVALID', message: 'the version is a positive integer' });
  if (issues.length) throw new AppError('CONVERSION_INVALID', issues[0]!.message, { issues });
  return { targets, ...(typeof b.owner === 'string' ? { owner: b.owner.toLowerCase() } : {}), ...(typeof b.version === 'number' ? { version: b.version } : {}) };
}
