import { AppError } from '../core/errors';
import type { CompiledObject } from '../metadata/compiled-object';
import { recordIssues } from './validation-issues';
import type { RuleContext } from '../shared/rules/interpreter';

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

/** Fills in defaults for fields the payload leaves out: static ones, then rules over the record so far. */
export function applyDefaults(obj: CompiledObject, payload: Record<string, unknown>, context: RuleContext | (() => RuleContext)): Record<string, unknown> {
  if (!obj.defaults.length && !obj.ruleDefaults.length) return payload;
  const out = { ...payload };
  for (const [name, value] of obj.defaults) if (!(name in out)) out[name] = value;
  for (const [name, rule] of obj.ruleDefaults) {
    if (name in out) continue;
    const value = rule(out, typeof context === 'function' ? context() : context);
    if (value !== null && value !== undefined) out[name] = value;
  }
  return out;
}
