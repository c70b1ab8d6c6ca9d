import type { CompiledObject } from '../metadata/compiled-object';
import { applyAssignmentRules, notifyAssignedOwners } from '../assignment/apply-assignment';
import { assertNotConverted } from '../conversion/converted-records';
import { enforceDuplicateRules, enforceDuplicatesOnUpdate } from '../duplicates/enforce-duplicates';
import type { RecordContext } from './context';

/** What a caller may say about a write beyond its values. */
export interface WriteOptions {
  /** The user has seen the possible duplicates a warn rule found and saves anyway (block rules still refuse). */
  allowDuplicates?: boolean;
}

/**
 * The admin's record rules that every create path runs — single create, bulk
 * create, import, web-to-lead, conversion — after validation and before the
 * insert: assignment rules give records without an explicit owner theirs,
 * then duplicate rules refuse (block) or ask (warn). `at(i)` names row i in
 * errors (e.g. /records/3).
 */
export async function beforeCreate(ctx: RecordContext, obj: CompiledObject, rows: Record<string, unknown>[], explicitOwner: boolean[], opts: WriteOptions, at?: (i: number) => string): Promise<void> {
  await applyAssignmentRules(ctx, obj, rows, explicitOwner);
  await enforceDuplicateRules(ctx, obj, rows, { allowWarnings: opts.allowDuplicates ?? false, ...(at ? { at } : {}) });
}

/** After the insert (same transaction where the path has one): the new owners chosen by assignment rules are told. */
export async function afterCreate(ctx: RecordContext, obj: CompiledObject, ids: string[], rows: Record<string, unknown>[], explicitOwner: boolean[]): Promise<void> {
  await notifyAssignedOwners(ctx, obj, ids, rows, explicitOwner);
}

/** Before an update: a converted record stays read-only, and a change may not make it a duplicate. */
export async function beforeUpdate(ctx: RecordContext, obj: CompiledObject, id: string, change: Record<string, unknown>, opts: WriteOptions): Promise<void> {
  await assertNotConverted(ctx, obj, [id]);
  await enforceDuplicatesOnUpdate(ctx, obj, id, change, { allowWarnings: opts.allowDuplicates ?? false });
}
