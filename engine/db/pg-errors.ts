import { AppError } from '../core/errors';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

const isPgError = (e: unknown): e is PgError => typeof e === 'object' && e !== null && typeof (e as PgError).code === 'string';

/** Maps a constraint name to the field it guards, so errors can name the field. */
export type ConstraintLookup = (constraint: string | undefined) => string | undefined;

/**
 * Translates PostgreSQL errors that come from bad input into our codes.
 * Anything else is rethrown untouched and becomes a 500.
 */
export function translatePgError(e: unknown, fieldOf: ConstraintLookup = () => undefined, on: 'write' | 'delete' = 'write'): unknown {
  if (!isPgError(e)) return e;
  const field = fieldOf(e.constraint);
  const issue = (code: string, message: string) => ({ issues: [{ path: field ? `/${field}` : '/', code, message }] });
  switch (e.code) {
    case '23505':
      return new AppError('RECORD_NOT_UNIQUE', field ? `another record already has this ${field}` : 'a unique value is already used', { field, ...issue('NOT_UNIQUE', 'value is already used') });
    case '23503':
      return on === 'delete'
        ? new AppError('RECORD_IN_USE', 'the record is referenced by other records and cannot be deleted', { constraint: field })
        : new AppError('RECORD_INVALID_REFERENCE', field ? `${field} refers to a record that does not exist` : 'a referenced record does not exist', issue('INVALID_REFERENCE', 'referenced record does not exist'));
    case '23502':
      return new AppError('RECORD_VALIDATION_FAILED', 'a required value is missing', issue('REQUIRED', 'is required'));
    case '22001':
      return new AppError('RECORD_VALIDATION_FAILED', 'a value is too long', issue('TOO_LONG', 'is too long'));
    case '22003':
      return new AppError('RECORD_VALIDATION_FAILED', 'a number is out of range', issue('OUT_OF_RANGE', 'is out of range'));
    case '22P02':
    case '22007':
    case '22008':
      return new AppError('RECORD_VALIDATION_FAILED', 'a value has the wrong format', issue('INVALID_FORMAT', 'has the wrong format'));
    default:
      return e;
  }
}
