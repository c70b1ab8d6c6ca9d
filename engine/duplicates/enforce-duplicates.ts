import type { CompiledObject } from '../metadata/compiled-object';
import type { RecordContext } from '../records/context';

/** Placeholder until duplicate rules land: refuses rows matching a block rule, and warn matches unless allowed (409). */
export async function enforceDuplicateRules(_ctx: RecordContext, _obj: CompiledObject, _rows: Record<string, unknown>[], _opts: { allowWarnings: boolean; at?: (i: number) => string; excludeIds?: (string | undefined)[] }): Promise<void> {}

/** Placeholder until duplicate rules land: the same check for a record as the change would leave it. */
export async function enforceDuplicatesOnUpdate(_ctx: RecordContext, _obj: CompiledObject, _id: string, _change: Record<string, unknown>, _opts: { allowWarnings: boolean }): Promise<void> {}
