import { AppError, type Issue } from '../core/errors';
import { quoteIdent, runSql } from '../db/knex';
import type { CompiledObject } from '../metadata/compiled-object';
import type { Snapshot } from '../metadata/snapshot';
import { qualified } from '../schema-engine/column-ddl';
import type { ObjectDef, PicklistValue } from '../shared/metadata-types';
import { compileRule, type CompiledRule, type RuleContext } from '../shared/rules/interpreter';
import { lookupPathsOf } from '../shared/rules/typed-ast';
import { checkedValidationRule } from '../rules/checked-rules';
import type { FieldTypeRegistry } from '../field-types/registry';
import type { Label } from '../shared/metadata-types';
import type { RecordContext, RecordRow } from './context';

/** An active validation rule, prepared once per metadata version. */
export interface PreparedValidationRule {
  name: string;
  run: CompiledRule;
  message: Label;
  errorField?: string;
  /** Dotted paths the condition reads through lookups ("account.industry"). */
  lookupPaths: string[];
}

export function prepareValidationRules(snapshot: Snapshot, obj: ObjectDef, registry: FieldTypeRegistry): PreparedValidationRule[] {
  return obj.validationRules
    .filter((r) => r.active)
    .map((r) => {
      const { expr } = checkedValidationRule(snapshot, registry, obj, r);
      return { name: r.name, run: compileRule(r.condition), message: r.message, ...(r.errorField ? { errorField: r.errorField } : {}), lookupPaths: expr ? lookupPathsOf(expr) : [] };
    });
}

/** The spec's truthiness: true, a non-zero number, a non-empty string or list. */
export const truthy = (v: unknown) => v === true || (typeof v === 'number' && v !== 0) || (typeof v === 'string' && v !== '') || (Array.isArray(v) && v.length > 0);

/** Replaces lookup ids by the related records' fields the rules read, one query per lookup and level. */
export async function expandLookups(ctx: RecordContext, obj: ObjectDef, rows: RecordRow[], paths: string[]): Promise<RecordRow[]> {
  const byLookup = new Map<string, string[]>();
  for (const p of paths) {
    const [head, ...rest] = p.split('.');
    byLookup.set(head!, [...(byLookup.get(head!) ?? []), rest.join('.')]);
  }
  const out = rows.map((r) => ({ ...r }));
  for (const [lookup, rest] of byLookup) {
    const field = obj.fields.find((f) => f.name === lookup)!;
    const target = ctx.meta.snapshot.objects.get(field.options.target as string)!;
    const ids = [...new Set(out.map((r) => r[lookup]).filter((v): v is string => typeof v === 'string'))];
    const columns = [...new Set(['id', ...rest.map((r) => r.split('.')[0]!)])];
    const fetched = ids.length ? await runSql(ctx.db, `SELECT ${columns.map(quoteIdent).join(', ')} FROM ${qualified(ctx.meta.schema, target.name)} WHERE id = ANY(?::uuid[])`, [ids]) : [];
    const deeper = rest.filter((r) => r.includes('.'));
    const related = deeper.length ? await expandLookups(ctx, target, fetched, deeper) : fetched;
    const byId = new Map(related.map((r) => [r.id as string, r]));
    for (const r of out) r[lookup] = typeof r[lookup] === 'string' ? (byId.get(r[lookup] as string) ?? null) : null;
  }
  return out;
}

/** What rules evaluated for this request see: now, the acting user, the locale and the object's picklist labels (built once per version). */
export function ruleContext(ctx: RecordContext, obj: CompiledObject): RuleContext {
  return { now: new Date(), user: { id: ctx.actor.userId, roles: ctx.access.roleNames, department: ctx.access.departmentName }, locale: ctx.locale, picklistLabels: obj.picklistLabels[ctx.locale] };
}

/** Picklist field → value → label in one locale, for label_of. */
export function picklistLabels(obj: ObjectDef, locale: 'en' | 'zh-CN'): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const f of obj.fields) {
    if (f.type === 'picklist' || f.type === 'multipicklist') out[f.name] = Object.fromEntries((f.options.values as PicklistValue[]).map((v) => [v.value, v.label[locale]]));
  }
  return out;
}

/**
 * Runs the object's active validation rules on each record (as it will be
 * saved). Any rule whose condition is truthy refuses the whole write with
 * 400 RECORD_RULE_VIOLATION, in the caller's locale. `pathOf(i)` prefixes
 * issue paths for batches.
 */
export async function enforceValidationRules(ctx: RecordContext, obj: CompiledObject, records: RecordRow[], pathOf: (i: number) => string = () => ''): Promise<void> {
  const rules = obj.validationRules;
  if (!rules.length) return;
  const paths = [...new Set(rules.flatMap((r) => r.lookupPaths))];
  const expanded = paths.length ? await expandLookups(ctx, obj.def, records, paths) : records;
  const context = ruleContext(ctx, obj);
  const issues: Issue[] = [];
  expanded.forEach((record, i) => {
    for (const rule of rules) {
      if (truthy(rule.run(record, context))) issues.push({ path: `${pathOf(i)}/${rule.errorField ?? ''}`, code: 'RULE_VIOLATION', message: rule.message[ctx.locale], rule: rule.name });
    }
  });
  if (issues.length) throw new AppError('RECORD_RULE_VIOLATION', issues[0]!.message, { rule: issues[0]!.rule, issues: issues.slice(0, 1000) });
}
