import { AppError } from '../core/errors';

/** Opaque keyset position: the sort signature plus the last row's sort values and id. */
export interface CursorState {
  sort: string;
  values: unknown[];
}

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify([state.sort, state.values])).toString('base64url');
}

export function decodeCursor(cursor: string, sortSignature: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('QUERY_INVALID_CURSOR', 'the cursor is not one this server issued', { parameter: 'cursor' });
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || parsed[0] !== sortSignature || !Array.isArray(parsed[1])) {
    throw new AppError('QUERY_INVALID_CURSOR', 'the cursor does not belong to this sort order', { parameter: 'cursor' });
  }
  return parsed[1] as unknown[];
}
