import { AppError } from '../../core/errors';
import { systemFields } from '../../metadata/system-fields';
import { quoteIdent } from '../../db/knex';
import { ruleTypeOf } from '../../rules/rule-scope';
import { compileExpr } from '../../rules/sql/compile-expr';
import { checkRule } from '../../shared/rules/check/check-rule';
import { valueKindOf } from '../registry';
import { inlineParams } from '../../query/inline-params';
import type { Field, RawObjectDef } from '../../shared/metadata-types';
import type { FieldTypeContext, SettingsIssue, ValueKind } from '../types';
import type { ResolvedRollup, RollupFunction } from './rollup-options';

const SUMMABLE = ['integer', 'number', 'currency', 'percent'];
const ORDERED = [...SUMMABLE, 'date', 'datetime'];
const KINDS: Record<string, ValueKind> = { integer: 'number', number: 'number', currency: 'number', percent: 'number', date: 'date', datetime: 'datetime' };

/** The child's fields as the filter parser and the type checks see them (system fields included). */
function childFields(child: RawObjectDef): Field[] {
  const { head, tail } = systemFields(child);
  const own = child.fields.map((f): Field => ({ name: f.name, type: f.type, label: { en: f.name, 'zh-CN': f.name }, required: false, unique: false, indexed: false, options: f.options ?? {}, system: false, audit: true }));
  return [...head, ...own, ...tail];
}

/** Digits of a numeric child field: integer is a bigint (19 digits), the others numeric(p,s). */
function numericShape(field: Field, ctx: FieldTypeContext): { precision: number; scale: number } {
  if (field.type === 'integer') return { precision: 19, scale: 0 };
  const { options } = ctx.registry.describe(field.type).normalizeOptions(field.options, ctx);
  return { precision: options.precision as number, scale: options.scale as number };
}

/**
 * The parent column: count → bigint; sum → numeric(p+20, s), room for 10^20
 * times the largest child value; avg → numeric(p+4, s+4); min/max → the child
 * field's own column type.
 */
function resultColumn(fn: RollupFunction, field: Field | undefined, ctx: FieldTypeContext): { columnType: string; kind: ValueKind } {
  if (fn === 'count' || !field) return { columnType: 'bigint', kind: 'number' };
  if (fn === 'sum' || fn === 'avg') {
    const { precision, scale } = numericShape(field, ctx);
    return { columnType: fn === 'sum' ? `numeric(${precision + 20},${scale})` : `numeric(${precision + 4},${scale + 4})`, kind: 'number' };
  }
  const def = ctx.registry.describe(field.type);
  const normalized = { ...field, options: def.normalizeOptions(field.options, ctx).options };
  return { columnType: def.columnType(normalized), kind: KINDS[field.type]! };
}

function checkField(fn: RollupFunction, name: unknown, fields: Map<string, Field>, child: string, issues: SettingsIssue[]): Field | undefined {
  if (fn === 'count') {
    if (name !== undefined) issues.push({ path: '/options/field', message: 'count counts child records; leave out field' });
    return undefined;
  }
  if (typeof name !== 'string') {
    issues.push({ path: '/options/field', message: `${fn} needs the child field to summarize` });
    return undefined;
  }
  const field = fields.get(name);
  const allowed = fn === 'sum' || fn === 'avg' ? SUMMABLE : ORDERED;
  if (!field) issues.push({ path: '/options/field', message: `${child} has no field "${name}"` });
  else if (!allowed.includes(field.type)) issues.push({ path: '/options/field', message: `${fn} needs an ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)} field; ${child}.${name} is ${field.type}` });
  else return field;
  return undefined;
}

/**
 * Checks and compiles the filter — the one rule language, as a predicate —
 * over the child row `r` of the trigger's transition table (`fields`: the
 * child's stored fields), with its constants inlined: trigger bodies take no
 * parameters.
 */
function compileRollupFilter(filter: unknown, fields: Map<string, Field>, ctx: FieldTypeContext, issues: SettingsIssue[]): string | undefined {
  const typeOf = (name: string) => {
    const f = fields.get(name);
    return f && ruleTypeOf(ctx.registry, f);
  };
  const { expr, issues: found } = checkRule(filter, { allowContext: false, resolve: typeOf });
  if (!expr) {
    issues.push(...found.map((i) => ({ path: `/options/filter${i.path}`, message: i.message })));
    return undefined;
  }
  try {
    const isUuid = (name: string) => fields.has(name) && valueKindOf(ctx.registry, fields.get(name)!) === 'uuid';
    return inlineParams(compileExpr(expr, { column: (n) => `r.${quoteIdent(n)}`, castOf: (n) => (isUuid(n) ? '::uuid' : undefined), now: 'sql' }, 'predicate'));
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    issues.push({ path: `/options/filter${(e.details?.path as string | undefined) ?? ''}`, message: e.message });
    return undefined;
  }
}

/**
 * Checks a roll-up against the snapshot being published: the child object and
 * its lookup to this object exist, the field fits the function, the filter
 * compiles. Answers the options with `resolved` filled in.
 */
export function resolveRollup(options: Record<string, unknown>, ctx: FieldTypeContext): { options: Record<string, unknown>; issues: SettingsIssue[] } {
  const issues: SettingsIssue[] = [];
  const fn = options.function as RollupFunction;
  const [childName = '', lookupName = ''] = String(options.relation).split('.');
  const resolved: ResolvedRollup = { childObject: childName, lookupField: lookupName, columnType: 'bigint', kind: 'number' };
  const child = ctx.objects[childName];
  if (!child) {
    issues.push({ path: '/options/relation', message: `the roll-up's child object "${childName}" does not exist` });
    return { options: { ...options, resolved }, issues };
  }
  const lookup = child.fields.find((f) => f.name === lookupName);
  if (!lookup) issues.push({ path: '/options/relation', message: `${childName} has no field "${lookupName}" for the roll-up to follow` });
  else if (lookup.type !== 'lookup') issues.push({ path: '/options/relation', message: `${childName}.${lookupName} is a ${lookup.type} field, not a lookup` });
  else if (lookup.options?.target !== ctx.objectName) issues.push({ path: '/options/relation', message: `${childName}.${lookupName} refers to ${String(lookup.options?.target)}, not to ${ctx.objectName}` });
  // Derived fields are left out: a roll-up of roll-ups could loop, and formulas have no column a trigger could read.
  const fields = new Map(childFields(child).filter((f) => f.type !== 'rollup' && ctx.registry.get(f.type)?.stored !== false).map((f) => [f.name, f]));
  const field = checkField(fn, options.field, fields, childName, issues);
  Object.assign(resolved, resultColumn(fn, field, ctx));
  if (options.filter !== undefined) {
    const filterSql = compileRollupFilter(options.filter, fields, ctx, issues);
    if (filterSql !== undefined) resolved.filterSql = filterSql;
  }
  return { options: { ...options, resolved }, issues };
}
