import { AppError } from '../core/errors';
import type { CompiledObject } from '../metadata/compiled-object';

/** Picklist fields whose new value is a deactivated one. */
export function inactiveValuesUsed(obj: CompiledObject, payload: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [field, inactive] of obj.inactiveValues) {
    const v = payload[field];
    if (v === undefined || v === null) continue;
    if (Array.isArray(v) ? v.some((x) => inactive.has(x as string)) : inactive.has(v as string)) out.push(field);
  }
  return out;
}

/** 400 naming each field (by its issue path, e.g. "/stage") that was given a deactivated value. */
export function inactiveValueError(paths: string[]): AppError {
  return new AppError('RECORD_VALIDATION_FAILED', 'a picklist value is no longer active', {
    issues: paths.map((path) => ({ path, code: 'FIELD_NOT_IN_PICKLIST', message: 'this value is deactivated and can no longer be chosen' })),
  });
}
