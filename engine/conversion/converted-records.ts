import type { CompiledObject } from '../metadata/compiled-object';
import type { RecordContext } from '../records/context';

/** Placeholder until conversion lands: refuses changes to records already converted (409 RECORD_CONVERTED_READ_ONLY). */
export async function assertNotConverted(_ctx: RecordContext, _obj: CompiledObject, _ids: string[]): Promise<void> {}
