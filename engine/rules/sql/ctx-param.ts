import type { ContextVar } from '../../shared/rules/typed-ast';

/** A bound value known only when the rule runs (who asks, and when). */
export interface CtxParam {
  ctx: ContextVar | '$today' | '$locale';
}

const isCtxParam = (p: unknown): p is CtxParam => typeof p === 'object' && p !== null && !Array.isArray(p) && 'ctx' in p;

/** The values a compiled rule's context parameters take for one request. */
export interface RuleRuntime {
  now: Date;
  user?: { id: string; roles: string[]; department?: string | null };
  locale?: 'en' | 'zh-CN';
}

/** Replaces context placeholders by this request's values. */
export function bindParams(params: readonly unknown[], rt: RuleRuntime): unknown[] {
  return params.map((p) => {
    if (!isCtxParam(p)) return p;
    switch (p.ctx) {
      case '$now':
        return rt.now.toISOString();
      case '$today':
        return rt.now.toISOString().slice(0, 10);
      case '$locale':
        return rt.locale ?? 'en';
      case '$user.id':
        return rt.user?.id ?? null;
      case '$user.roles':
        return rt.user?.roles ?? [];
      case '$user.department':
        return rt.user?.department ?? null;
    }
  });
}
