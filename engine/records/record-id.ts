import { AppError } from '../core/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether text is a UUID (any case): checked before it is compared with a uuid column, where anything else is a SQL error. */
export const isUuid = (text: string): boolean => UUID.test(text);

/** Refuses anything but a UUID before it reaches SQL. */
export function requireRecordId(id: string): string {
  if (!isUuid(id)) throw new AppError('RECORD_INVALID_ID', 'record ids are UUIDs', { id: id.slice(0, 100) });
  return id.toLowerCase();
}
