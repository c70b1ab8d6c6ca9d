/**
 * Runs one rule both ways — the interpreter on the rows the API answers, SQL
 * on the table — and lists where they disagree.
 */
import { runSql, type Executor } from '../../../../engine/db/knex';
import { compileExpr } from '../../../../engine/rules/sql/compile-expr';
import { bindParams } from '../../../../engine/rules/sql/ctx-param';
import { checkRule } from '../../../../engine/shared/rules/check/check-rule';
import { compileRule, type RuleContext } from '../../../../engine/shared/rules/interpreter';
import { parseDatetime } from '../../../../engine/shared/rules/operations/temporal';
import { truthy } from '../../../../engine/shared/rules/operations/values';
import type { RuleType } from '../../../../engine/shared/rules/catalogue';
import { LOCALE, NOW, SCOPE, STAGE_LABELS, USER } from './data';

export type Row = Record<string, unknown> & { id: string };

export type Locale = 'en' | 'zh-CN';
/** The interpreter's context and SQL's runtime values: the same instant, user and locale. */
const contextFor = (locale: Locale): RuleContext => ({ now: NOW, user: USER, locale, picklistLabels: { stage: STAGE_LABELS[locale] } });
const runtimeFor = (locale: Locale) => ({ now: NOW, user: USER, locale });

export interface CompareOptions {
  locale?: Locale;
  /** Numbers may differ by a relative 1e-12 (default: when the rule divides). */
  tolerant?: boolean;
}
const OPTIONS = { column: (n: string) => `"${n}"`, now: 'bind' as const, labels: (f: string) => (f === 'stage' ? STAGE_LABELS : undefined) };

export interface Disagreement {
  mode: 'value' | 'predicate';
  rule: unknown;
  row?: Row;
  sql: string;
  params: unknown[];
  locale: Locale;
  interpreter?: unknown;
  database?: unknown;
  error?: string;
}

export interface Tally {
  /** Rule runs: one SQL query each, and the interpreter on every row. */
  runs: number;
  comparisons: number;
  disagreements: Disagreement[];
}

export const newTally = (): Tally => ({ runs: 0, comparisons: 0, disagreements: [] });

/** A value as a comparable rule value: datetimes as ISO UTC with milliseconds (the same instant compares equal), Dates likewise. */
export function normalize(x: unknown, type: RuleType): unknown {
  if (x === undefined || x === null) return null;
  if (x instanceof Date) return x.toISOString();
  if (type === 'datetime' && typeof x === 'string') {
    const ms = parseDatetime(x);
    return ms === null ? x : new Date(ms).toISOString();
  }
  return x;
}

/** Equal rule values; numbers of rules with a quotient may differ by a relative 1e-12 (SQL cuts quotients at 16–20 digits). */
export function sameValue(a: unknown, b: unknown, quotient: boolean): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) return true;
    return quotient && Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

function typed(rule: unknown) {
  const { expr, issues } = checkRule(rule, SCOPE);
  if (!expr) throw new Error(`the generator produced an ill-typed rule: ${JSON.stringify(rule)} — ${JSON.stringify(issues)}`);
  return expr;
}

/** The rule checked, compiled for `mode` and its parameters bound for the locale; counts one run. */
function prepare(rule: unknown, mode: 'value' | 'predicate', tally: Tally, opts: CompareOptions) {
  const locale = opts.locale ?? LOCALE;
  const expr = typed(rule);
  const { sql, params } = compileExpr(expr, OPTIONS, mode);
  const bound = bindParams(params, runtimeFor(locale));
  tally.runs++;
  return { locale, expr, sql, bound };
}

/** Value mode: SELECT id, (sql) AS v for every row, against the interpreter per row. */
export async function compareValue(db: Executor, table: string, rows: Row[], rule: unknown, tally: Tally, opts: CompareOptions = {}): Promise<void> {
  const { locale, expr, sql, bound } = prepare(rule, 'value', tally, opts);
  let answer: { id: string; v: unknown }[];
  try {
    answer = await runSql<{ id: string; v: unknown }>(db, `SELECT id, (${sql}) AS v FROM ${table}`, bound);
  } catch (e) {
    tally.disagreements.push({ mode: 'value', rule, sql, params: bound, locale, error: (e as Error).message });
    return;
  }
  const byId = new Map(answer.map((r) => [r.id, r.v]));
  const run = compileRule(rule);
  const context = contextFor(locale);
  const tolerant = opts.tolerant ?? JSON.stringify(rule).includes('"/"');
  for (const row of rows) {
    tally.comparisons++;
    const interpreter = normalize(run(row, context), expr.type);
    const database = normalize(byId.get(row.id), expr.type);
    if (!sameValue(interpreter, database, tolerant)) tally.disagreements.push({ mode: 'value', rule, row, sql, params: bound, locale, interpreter, database });
  }
}

/** Predicate mode: SELECT id WHERE sql must be exactly the rows whose interpreter result is truthy. */
export async function comparePredicate(db: Executor, table: string, rows: Row[], rule: unknown, tally: Tally, opts: CompareOptions = {}): Promise<void> {
  const { locale, sql, bound } = prepare(rule, 'predicate', tally, opts);
  let selected: Set<string>;
  try {
    selected = new Set((await runSql<{ id: string }>(db, `SELECT id FROM ${table} WHERE ${sql}`, bound)).map((r) => r.id));
  } catch (e) {
    tally.disagreements.push({ mode: 'predicate', rule, sql, params: bound, locale, error: (e as Error).message });
    return;
  }
  const run = compileRule(rule);
  const context = contextFor(locale);
  for (const row of rows) {
    tally.comparisons++;
    const interpreter = truthy(run(row, context));
    const database = selected.has(row.id);
    if (interpreter !== database) tally.disagreements.push({ mode: 'predicate', rule, row, sql, params: bound, locale, interpreter, database });
  }
}

/** A disagreement, written so that a person can reproduce it. */
export function describe(d: Disagreement): string {
  const lines = [`${d.mode} mode, locale ${d.locale}, now ${NOW.toISOString()}, user ${JSON.stringify(USER)}`, `rule:        ${JSON.stringify(d.rule)}`, `sql:         ${d.sql}`, `params:      ${JSON.stringify(d.params)}`];
  // pg's message is "<the SQL> - <the error>": the SQL is already above.
  if (d.error) lines.push(`SQL error:   ${d.error.slice(d.error.lastIndexOf(' - ') + 3)}`);
  if (d.row) lines.push(`row:         ${JSON.stringify(d.row)}`, `interpreter: ${JSON.stringify(d.interpreter)}`, `sql result:  ${JSON.stringify(d.database)}`);
  return lines.join('\n');
}

/** At most `n` disagreements, one rule each. */
export function report(ds: Disagreement[], n = 10): string {
  const seen = new Set<string>();
  const firsts = ds.filter((d) => {
    const key = JSON.stringify(d.rule) + d.mode;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return `${firsts.length} rule(s) disagree (${ds.length} comparisons):\n\n${firsts.slice(0, n).map(describe).join('\n\n')}`;
}
