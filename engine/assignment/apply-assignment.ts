import type { CompiledObject } from '../metadata/compiled-object';
import type { RecordContext } from '../records/context';

/** Placeholder until the assignment engine lands: sets owner_id of rows without an explicit owner from the object's assignment rules. */
export async function applyAssignmentRules(_ctx: RecordContext, _obj: CompiledObject, _rows: Record<string, unknown>[], _explicitOwner: boolean[]): Promise<void> {}

/** Placeholder until notifications land: tells owners chosen by assignment rules about their new records. */
export async function notifyAssignedOwners(_ctx: RecordContext, _obj: CompiledObject, _ids: string[], _rows: Record<string, unknown>[], _explicitOwner: boolean[]): Promise<void> {}
