import { AppError } from '../core/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refuses anything but a UUID before it reaches SQL. */
export function requireRecordId(id: string): string {
  if (!UUID.test(id)) throw new AppError('RECORD_INVALID_ID', 'record ids are UUIDs', { id: id.slice(0, 100) });
  return id.toLowerCase();
}
