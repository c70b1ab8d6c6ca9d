import type { CompiledObject } from '../metadata/compiled-object';
import type { RecordRow } from './context';

/** DB row → API record (only where a field type converts its value). */
export function toApiRecord(obj: CompiledObject, row: RecordRow): RecordRow {
  for (const [name, convert] of obj.converters) if (name in row) row[name] = convert(row[name]);
  return row;
}
