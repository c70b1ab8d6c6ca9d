import { AppError } from '../core/errors';
import type { ValueKind } from '../field-types/types';
import { isUuid } from '../records/record-id';

/** Opaque keyset position: the sort signature plus the last row's sort values and id. */
export interface CursorState {
  sort: string;
  values: unknown[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a cursor value could have come from a row for a key of this kind. */
function fits(kind: ValueKind, v: unknown): boolean {
  if (v === null) return true;
  switch (kind) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'uuid':
      return typeof v === 'string' && isUuid(v);
    case 'date':
      return typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(v));
    case 'datetime':
      return typeof v === 'string' && !Number.isNaN(Date.parse(v));
    case 'array':
      return false;
  }
}

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify([state.sort, state.values])).toString('base64url');
}

/** Decodes a cursor and checks every value against its sort key, so a forged cursor is a 400, never a SQL error. */
export function decodeCursor(cursor: string, sortSignature: string, keys: { kind: ValueKind }[]): unknown[] {
  const invalid = (message: string) => new AppError('QUERY_INVALID_CURSOR', message, { parameter: 'cursor' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('the cursor is not one this server issued');
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || parsed[0] !== sortSignature || !Array.isArray(parsed[1])) {
    throw invalid('the cursor does not belong to this sort order');
  }
  const values = parsed[1] as unknown[];
  if (values.length !== keys.length || !keys.every((k, i) => fits(k.kind, values[i]))) throw invalid('the cursor is not one this server issued');
  return values;
}
