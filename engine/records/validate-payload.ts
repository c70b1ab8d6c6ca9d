import { AppError } from '../core/errors';
import type { CompiledObject } from '../metadata/compiled-object';
import { recordIssues } from './validation-issues';

/** Runs the compiled JSON Schema; 400 RECORD_VALIDATION_FAILED with every issue. */
export function validatePayload(obj: CompiledObject, payload: unknown, mode: 'create' | 'update', prefix = ''): asserts payload is Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new AppError('RECORD_VALIDATION_FAILED', 'the body must be a JSON object', { issues: [{ path: prefix || '/', code: 'FIELD_TYPE', message: 'must be an object' }] });
  }
  const validate = mode === 'create' ? obj.validateCreate : obj.validateUpdate;
  if (!validate(payload)) {
    throw new AppError('RECORD_VALIDATION_FAILED', `the ${obj.def.name} is invalid`, { issues: recordIssues(validate.errors, prefix) });
  }
}

/** Fills in static defaults for fields the payload leaves out. */
export function applyDefaults(obj: CompiledObject, payload: Record<string, unknown>): Record<string, unknown> {
  if (!obj.defaults.length) return payload;
  const out = { ...payload };
  for (const [name, value] of obj.defaults) if (!(name in out)) out[name] = value;
  return out;
}
