import { AppError, isAppError, type Issue } from '../core/errors';

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Moves an issue path of a target's payload (`/email`, `/`) under the request (`/targets/contact/values/email`). */
export const targetPath = (key: string, path: unknown): string => {
  const p = typeof path === 'string' && path !== '/' ? path : '';
  return `/targets/${escape(key)}/values${p}`;
};

/**
 * A target's refusal, told as part of the conversion: the same code (400
 * RECORD_VALIDATION_FAILED, RECORD_RULE_VIOLATION, 409 duplicate warning …)
 * with `target` naming the target and every issue path under
 * `/targets/<key>/values`, so the user sees which record and field.
 */
export function inTarget(key: string, label: string, e: unknown): unknown {
  if (!isAppError(e)) return e;
  const details: Record<string, unknown> = { ...(e.details ?? {}), target: key };
  const issues = details.issues;
  if (Array.isArray(issues)) details.issues = (issues as Issue[]).map((i) => ({ ...i, path: targetPath(key, i.path), target: key }));
  if (typeof details.path === 'string') details.path = targetPath(key, details.path);
  return new AppError(e.code, `${label}: ${e.message}`, details);
}
