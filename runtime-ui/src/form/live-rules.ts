import type { Describe, FieldDef } from '../api/describe';
import type { Label } from '../i18n/i18n';
import { compileRule, type CompiledRule, type RuleContext } from '../../../engine/shared/rules/interpreter';
import { truthy } from '../../../engine/shared/rules/operations/values';
import { picklistValues } from '../widgets/picklist-options';
import { browserReads, decidableInBrowser, variablesOf, type LookupRead, type UserFacts } from './rule-variables';

type ConditionKind = 'visibleWhen' | 'requiredWhen' | 'readOnlyWhen';

interface PreparedCondition {
  field: string;
  kind: ConditionKind;
  run: CompiledRule;
  /** Related-record fields it reads (evaluated only once those records are loaded). */
  through: LookupRead[];
}

/** An active validation rule the browser can decide, with the fields it reads. */
export interface PreparedRule {
  name: string;
  run: CompiledRule;
  message: Label;
  errorField?: string;
  reads: string[];
  through: LookupRead[];
}

interface PreparedFormula {
  field: string;
  run: CompiledRule;
}

/** The object's rules compiled once per describe: field conditions, validation rules, formulas (in dependency order). */
export interface LiveRules {
  conditions: PreparedCondition[];
  rules: PreparedRule[];
  formulas: PreparedFormula[];
  /** Formulas the browser cannot compute (they read through lookups): the stored value is shown. */
  serverFormulas: Set<string>;
  /** Lookup field → target object, for each lookup whose related record a rule reads. */
  relatedNeeded: Map<string, string>;
}

/** Related records by lookup field, as fetched for the lookup's current value. */
export type RelatedRecords = Record<string, Record<string, unknown> | undefined>;

/** What the rules say about the record as it is being typed. */
export interface LiveState {
  hidden: Set<string>;
  required: Set<string>;
  readOnly: Set<string>;
  /** Formula previews by field. */
  formulas: Record<string, unknown>;
  /** Validation rules whose condition holds. */
  violations: PreparedRule[];
}

export const EMPTY_LIVE: LiveState = { hidden: new Set(), required: new Set(), readOnly: new Set(), formulas: {}, violations: [] };

/** Formulas ordered so that one reading another comes after it (cycles are refused at publish). */
function formulaOrder(formulas: FieldDef[]): FieldDef[] {
  const byName = new Map(formulas.map((f) => [f.name, f]));
  const done = new Set<string>();
  const out: FieldDef[] = [];
  const visit = (f: FieldDef, depth: number) => {
    if (done.has(f.name) || depth > formulas.length) return;
    for (const v of variablesOf(f.options.expression)) {
      const dep = byName.get(v);
      if (dep) visit(dep, depth + 1);
    }
    done.add(f.name);
    out.push(f);
  };
  formulas.forEach((f) => visit(f, 0));
  return out;
}

export function prepareLiveRules(describe: Describe, user: UserFacts | undefined): LiveRules {
  const fields = describe.object.fields;
  const lookups = new Map(fields.filter((f) => f.type === 'lookup' && typeof f.options.target === 'string').map((f) => [f.name, f.options.target as string]));
  const lookupNames = new Set(lookups.keys());
  const relatedNeeded = new Map<string, string>();
  const need = (through: LookupRead[]) => through.forEach((r) => relatedNeeded.set(r.lookup, lookups.get(r.lookup)!));
  const conditions: PreparedCondition[] = [];
  for (const f of fields) {
    for (const kind of ['visibleWhen', 'requiredWhen', 'readOnlyWhen'] as const) {
      const rule = f[kind];
      if (rule === undefined || rule === null) continue;
      const { decidable, through } = browserReads(variablesOf(rule), user, lookupNames);
      if (!decidable) continue;
      need(through);
      conditions.push({ field: f.name, kind, run: compileRule(rule), through });
    }
  }
  const serverFormulas = new Set<string>();
  const formulas: PreparedFormula[] = [];
  for (const f of formulaOrder(fields.filter((x) => x.type === 'formula'))) {
    const vars = variablesOf(f.options.expression);
    if (!decidableInBrowser(vars, user) || [...vars].some((v) => serverFormulas.has(v))) serverFormulas.add(f.name);
    else formulas.push({ field: f.name, run: compileRule(f.options.expression) });
  }
  const rules: PreparedRule[] = [];
  for (const rule of describe.object.validationRules.filter((r) => r.active !== false)) {
    const vars = variablesOf(rule.condition);
    const { decidable, through } = browserReads(vars, user, lookupNames);
    if (!decidable || [...vars].some((v) => serverFormulas.has(v))) continue;
    need(through);
    const reads = [...vars].map((v) => v.split('.')[0]!);
    rules.push({ name: rule.name, run: compileRule(rule.condition), message: rule.message, ...(rule.errorField ? { errorField: rule.errorField } : {}), reads, through });
  }
  return { conditions, rules, formulas, serverFormulas, relatedNeeded };
}

/**
 * The record a rule reading through lookups sees: each lookup with a loaded
 * related record carries it nested ({ account: { id, industry } }), as the
 * server expands it. Undefined when a related record the rule needs is not
 * loaded yet, or does not show the field (hidden from this user): the rule
 * is then left to the server.
 */
function withRelated(record: Record<string, unknown>, through: LookupRead[], related: RelatedRecords): Record<string, unknown> | undefined {
  if (!through.length) return record;
  const out = { ...record };
  for (const { lookup, field } of through) {
    const id = record[lookup];
    if (id === undefined || id === null || id === '') continue;
    const r = related[lookup];
    if (!r || r.id !== id || !(field in r)) return undefined;
    out[lookup] = r;
  }
  return out;
}

/**
 * Evaluates everything on the record as typed: formulas first (so rules may
 * read them), then conditions and validation rules. Synchronous and cheap
 * (rules are compiled once), so it runs on every change. As on the server,
 * readOnlyWhen is judged on the stored record when editing one (`stored`),
 * and on the record as typed when creating.
 */
export function evaluateLive(live: LiveRules, values: Record<string, unknown>, context: RuleContext, stored?: Record<string, unknown>, related: RelatedRecords = {}): LiveState {
  const record: Record<string, unknown> = { ...values };
  const formulas: Record<string, unknown> = {};
  for (const f of live.formulas) record[f.field] = formulas[f.field] = f.run(record, context);
  const state: LiveState = { hidden: new Set(), required: new Set(), readOnly: new Set(), formulas, violations: [] };
  for (const c of live.conditions) {
    const subject = withRelated(c.kind === 'readOnlyWhen' && stored ? stored : record, c.through, related);
    if (!subject) continue;
    const holds = truthy(c.run(subject, context));
    if (c.kind === 'visibleWhen' && !holds) state.hidden.add(c.field);
    if (c.kind === 'requiredWhen' && holds) state.required.add(c.field);
    if (c.kind === 'readOnlyWhen' && holds) state.readOnly.add(c.field);
  }
  state.violations = live.rules.filter((r) => {
    const subject = withRelated(record, r.through, related);
    return subject !== undefined && truthy(r.run(subject, context));
  });
  return state;
}

/** Picklist field → value → label in one locale, for label_of (as the server builds it). */
export function picklistLabels(fields: FieldDef[], locale: 'en' | 'zh-CN'): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const f of fields) {
    if (f.type !== 'picklist' && f.type !== 'multipicklist') continue;
    out[f.name] = Object.fromEntries(picklistValues(f).map((v) => [v.value, typeof v.label === 'string' ? v.label : (v.label[locale] ?? v.label.en ?? v.value)]));
  }
  return out;
}
