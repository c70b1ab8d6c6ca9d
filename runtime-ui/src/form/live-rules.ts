import type { FieldDef } from '../api/describe';
import type { Label } from '../i18n/i18n';
import { compileRule, type CompiledRule, type RuleContext } from '../../../engine/shared/rules/interpreter';
import { truthy } from '../../../engine/shared/rules/operations/values';
import { decidableInBrowser, variablesOf, type UserFacts } from './rule-variables';
import type { FormDescribe } from './form-types';

type ConditionKind = 'visibleWhen' | 'requiredWhen' | 'readOnlyWhen';

interface PreparedCondition {
  field: string;
  kind: ConditionKind;
  run: CompiledRule;
}

/** An active validation rule the browser can decide, with the fields it reads. */
export interface PreparedRule {
  name: string;
  run: CompiledRule;
  message: Label;
  errorField?: string;
  reads: string[];
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
}

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

export function prepareLiveRules(describe: FormDescribe, user: UserFacts | undefined): LiveRules {
  const fields = describe.object.fields;
  const conditions: PreparedCondition[] = [];
  for (const f of fields) {
    for (const kind of ['visibleWhen', 'requiredWhen', 'readOnlyWhen'] as const) {
      const rule = f[kind];
      if (rule !== undefined && rule !== null && decidableInBrowser(variablesOf(rule), user)) conditions.push({ field: f.name, kind, run: compileRule(rule) });
    }
  }
  const serverFormulas = new Set<string>();
  const formulas: PreparedFormula[] = [];
  for (const f of formulaOrder(fields.filter((x) => x.type === 'formula'))) {
    const vars = variablesOf(f.options.expression);
    if (!decidableInBrowser(vars, user) || [...vars].some((v) => serverFormulas.has(v))) serverFormulas.add(f.name);
    else formulas.push({ field: f.name, run: compileRule(f.options.expression) });
  }
  const rules = describe.object.validationRules
    .filter((r) => r.active !== false)
    .map((r) => ({ rule: r, vars: variablesOf(r.condition) }))
    .filter(({ vars }) => decidableInBrowser(vars, user) && ![...vars].some((v) => serverFormulas.has(v)))
    .map(({ rule, vars }) => ({ name: rule.name, run: compileRule(rule.condition), message: rule.message, ...(rule.errorField ? { errorField: rule.errorField } : {}), reads: [...vars] }));
  return { conditions, rules, formulas, serverFormulas };
}

/**
 * Evaluates everything on the record as typed: formulas first (so rules may
 * read them), then conditions and validation rules. Synchronous and cheap
 * (rules are compiled once), so it runs on every change. As on the server,
 * readOnlyWhen is judged on the stored record when editing one (`stored`),
 * and on the record as typed when creating.
 */
export function evaluateLive(live: LiveRules, values: Record<string, unknown>, context: RuleContext, stored?: Record<string, unknown>): LiveState {
  const record: Record<string, unknown> = { ...values };
  const formulas: Record<string, unknown> = {};
  for (const f of live.formulas) record[f.field] = formulas[f.field] = f.run(record, context);
  const state: LiveState = { hidden: new Set(), required: new Set(), readOnly: new Set(), formulas, violations: [] };
  for (const c of live.conditions) {
    const holds = truthy(c.run(c.kind === 'readOnlyWhen' && stored ? stored : record, context));
    if (c.kind === 'visibleWhen' && !holds) state.hidden.add(c.field);
    if (c.kind === 'requiredWhen' && holds) state.required.add(c.field);
    if (c.kind === 'readOnlyWhen' && holds) state.readOnly.add(c.field);
  }
  state.violations = live.rules.filter((r) => truthy(r.run(record, context)));
  return state;
}

/** Picklist field → value → label in one locale, for label_of (as the server builds it). */
export function picklistLabels(fields: FieldDef[], locale: 'en' | 'zh-CN'): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const f of fields) {
    if (f.type !== 'picklist' && f.type !== 'multipicklist') continue;
    const values = (f.options.values as { value: string; label: Label }[] | undefined) ?? [];
    out[f.name] = Object.fromEntries(values.map((v) => [v.value, typeof v.label === 'string' ? v.label : (v.label[locale] ?? v.label.en ?? v.value)]));
  }
  return out;
}
