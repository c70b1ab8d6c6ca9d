import { ApiError } from '../api/api-error';
import { duplicateRefusalOf, type DuplicateRefusal } from '../duplicates/duplicate-matches';
import type { FormErrors } from './form-types';

/** Why a save did not go through, and what the form shows for it. */
export interface SaveFailure {
  kind: 'invalid' | 'conflict' | 'offline' | 'session' | 'server' | 'refused' | 'duplicate';
  errors: FormErrors;
  /** The record's version now (a conflict). */
  currentVersion?: number;
  /** The server's code, shown in the message of a server fault. */
  code?: string;
  /** Duplicate rules refused the save: the matches, and whether the user may save anyway. */
  duplicates?: DuplicateRefusal;
}

/** The field a JSON pointer like "/city" or "/tags/0" points at ('' for the record as a whole). */
export const fieldOfPath = (path: string): string => path.split('/').filter(Boolean)[0] ?? '';

/**
 * Maps a refused or failed save onto the form: issues (details.issues, paths
 * "/field") and FIELD_NOT_ACCESSIBLE (details.field) land on their fields
 * when the form shows them, otherwise at the top, prefixed with the field's
 * label; a conflict carries the current version; the rest are banners.
 */
export function saveFailureOf(e: unknown, shown: (field: string) => boolean, labelOf: (field: string) => string): SaveFailure {
  const err = e instanceof ApiError ? e : new ApiError(0, 'CLIENT_ERROR', String(e));
  const errors: FormErrors = { fields: {}, top: [] };
  const place = (field: string, message: string) => {
    if (field && shown(field)) (errors.fields[field] ??= []).push(message);
    else errors.top.push(field ? `${labelOf(field)}: ${message}` : message);
  };
  if (err.status === 409 && err.code === 'RECORD_VERSION_CONFLICT') {
    const v = err.details.currentVersion;
    return { kind: 'conflict', errors, ...(typeof v === 'number' ? { currentVersion: v } : {}) };
  }
  const duplicates = duplicateRefusalOf(err);
  if (duplicates) return { kind: 'duplicate', errors, code: err.code, duplicates };
  if (err.status === 0) return { kind: 'offline', errors, code: err.code };
  if (err.status === 401) return { kind: 'session', errors, code: err.code };
  if (err.status >= 500) return { kind: 'server', errors, code: err.code };
  if (err.code === 'FIELD_NOT_ACCESSIBLE' && typeof err.details.field === 'string') {
    place(err.details.field, err.message);
    return { kind: 'invalid', errors };
  }
  if (err.issues.length) {
    for (const issue of err.issues) place(fieldOfPath(issue.path), issue.message);
    return { kind: 'invalid', errors };
  }
  errors.top.push(err.message);
  return { kind: 'refused', errors, code: err.code };
}
