import type { PlanAction } from '../../../engine/schema-engine/plan-types';
import type { ObjectDef, RawObjectDef, RawSnapshot, RawValueSet } from '../../../engine/shared/metadata-types';

/**
 * The admin's unpublished edits. Every designer screen edits the draft; the
 * review page publishes it as one version (POST /metadata/changes). Kept in
 * the browser (localStorage, per organisation), so a reload loses nothing.
 */
export interface Draft {
  /** The published version the draft was started from (sent as baseVersion, so a colleague's publish is never overwritten silently). */
  baseVersion: number;
  /** Objects created or changed, by name; null marks an object the draft deletes. */
  objects: Record<string, RawObjectDef | null>;
  /** Value sets created or changed, by name. */
  valueSets: Record<string, RawValueSet>;
}

/** A problem the server found in the draft: JSON pointer into the whole snapshot (/objects/deal/fields/3/options/target). */
export interface DraftIssue {
  path: string;
  code?: string;
  message: string;
}

/** One step of the publish plan, as the metadata API answers it (the engine's own type; a type import adds nothing to the bundle). */
export type PlanStep = PlanAction;

/** The answer of POST /metadata/changes. */
export interface PublishAnswer {
  version: number;
  plan: PlanStep[];
  dryRun: boolean;
  changed: boolean;
  preview?: Record<string, ObjectDef>;
}

/**
 * What the server says about the draft, from a dry run after every edit:
 * - idle: nothing to check (empty draft);
 * - valid: it would publish; `plan` lists the steps, `preview` the normalized objects;
 * - invalid: refused with `code` (METADATA_INVALID, METADATA_RULE_INVALID, METADATA_UNSAFE_CHANGE, OBJECT_NOT_FOUND…) and `issues`;
 * - conflict: someone published since `baseVersion` (METADATA_VERSION_CONFLICT, `currentVersion`).
 */
export interface DraftCheck {
  status: 'idle' | 'checking' | 'valid' | 'invalid' | 'conflict' | 'error';
  code?: string;
  message?: string;
  issues: DraftIssue[];
  plan: PlanStep[];
  preview: Record<string, ObjectDef>;
  currentVersion?: number;
}

/** The published metadata the draft is laid over. */
export interface Published {
  version: number;
  snapshot: RawSnapshot;
}

export const emptyDraft = (baseVersion: number): Draft => ({ baseVersion, objects: {}, valueSets: {} });

export const isEmptyDraft = (d: Draft): boolean => Object.keys(d.objects).length === 0 && Object.keys(d.valueSets).length === 0;

/** The request body that publishes a draft. */
export function changesBody(d: Draft): { objects: Record<string, RawObjectDef>; deleteObjects: string[]; valueSets: Record<string, RawValueSet> } {
  const objects: Record<string, RawObjectDef> = {};
  const deleteObjects: string[] = [];
  for (const [name, def] of Object.entries(d.objects)) {
    if (def === null) deleteObjects.push(name);
    else objects[name] = def;
  }
  return { objects, deleteObjects, valueSets: d.valueSets };
}

/** The metadata as the draft would make it: published definitions with the draft laid over. */
export function draftSnapshot(published: RawSnapshot, d: Draft): RawSnapshot {
  const objects = { ...published.objects };
  for (const [name, def] of Object.entries(d.objects)) {
    if (def === null) delete objects[name];
    else objects[name] = def;
  }
  return { objects, valueSets: { ...published.valueSets, ...d.valueSets } };
}

/** Issues under a JSON pointer prefix ("/objects/deal/fields/2"), for showing them beside the thing they name. */
export const issuesUnder = (issues: DraftIssue[], prefix: string): DraftIssue[] => issues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}/`));

/** Issues under `prefix` with the prefix cut off (`/objects/deal/fields/2/name` under `/objects/deal/fields/2` is `/name`). */
export const relativeIssues = (issues: DraftIssue[], prefix: string): DraftIssue[] => issuesUnder(issues, prefix).map((i) => ({ ...i, path: i.path.slice(prefix.length) }));
