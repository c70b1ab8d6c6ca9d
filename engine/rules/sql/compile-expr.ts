import { AppError } from '../../core/errors';
import type { RuleType } from '../../shared/rules/catalogue';
import type { Expr } from '../../shared/rules/typed-ast';
import type { SqlFragment } from '../../query/sql-fragment';
import { escapeLike } from './escape-like';
import type { CtxParam } from './ctx-param';
import { datetimeLiteral } from '../../shared/rules/operations/temporal';

/** How names and context values become SQL. */
export interface SqlCompileOptions {
  /** SQL for a field or lookup path (a column, a formula's expression, a subquery). */
  column(name: string): string;
  /** 'bind': $now/today() are parameters bound per request; 'sql': they read now() (stored definitions). */
  now: 'bind' | 'sql';
  /** The SQL cast of a field whose column is not what its rule type suggests (a lookup's uuid). */
  castOf?(name: string): string | undefined;
  /** Labels of a picklist field's values, per locale (for label_of). */
  labels?(field: string): Record<'en' | 'zh-CN', Record<string, string>> | undefined;
}

/** 'predicate' may yield NULL where the rule yields false (WHERE treats both alike); 'value' never does for booleans. */
type Mode = 'predicate' | 'value';

const CAST: Record<RuleType, string> = { number: '::numeric', string: '::text', date: '::date', datetime: '::timestamptz', boolean: '::boolean', list: '::text[]', null: '', any: '' };

class Compiler {
  readonly params: unknown[] = [];

  constructor(private readonly opts: SqlCompileOptions) {}

  private bind(value: unknown, type: RuleType): string {
    this.params.push(value);
    return `?${CAST[type]}`;
  }

  private ctx(name: CtxParam['ctx'], cast: string): string {
    this.params.push({ ctx: name } satisfies CtxParam);
    return `?${cast}`;
  }

  /**
   * An operand, with literals cast to the type they are compared or combined
   * with. A null-typed operand (a null literal, or an operation on nulls only,
   * which can only give null) is a NULL of that type, so PostgreSQL can pick
   * the function or operator (date_trunc, extract, -, +) and CASE branches agree.
   * Each call compiles the operand anew and binds its parameters: use the
   * result once, since parameters bind in the order of the SQL text.
   */
  arg(e: Expr, as?: RuleType): string {
    const target = as && as !== 'null' && as !== 'any' ? as : undefined;
    if (e.type === 'null') return target ? `NULL${CAST[target]}` : 'NULL';
    if (e.kind === 'lit') return this.bind(literalValue(e), target ?? e.type);
    return this.expr(e, 'value');
  }

  expr(e: Expr, mode: Mode): string {
    switch (e.kind) {
      case 'lit':
        return this.arg(e);
      case 'list':
        return this.bind(e.values, typeof e.values[0] === 'number' ? 'number' : 'list');
      case 'var':
        return this.opts.column(e.name);
      case 'ctx':
        return this.ctx(e.name, CAST[e.type]);
      case 'op':
        return e.type === 'null' ? 'NULL' : this.op(e as Extract<Expr, { kind: 'op' }>, mode);
    }
  }

  /** Boolean SQL that is never NULL in value mode. */
  private bool(sql: string, mode: Mode): string {
    return mode === 'predicate' ? sql : `coalesce(${sql}, false)`;
  }

  truthy(e: Expr, mode: Mode): string {
    if (e.kind === 'op' && e.type === 'boolean') {
      // if / if_null may give NULL (their branches can); every other boolean operation is already non-NULL in value mode.
      const sql = this.expr(e, mode);
      return e.op === 'if' || e.op === 'if_null' ? this.bool(sql, mode) : sql;
    }
    // Null is never truthy. Not compiled, so that no parameter is bound without its placeholder.
    if (e.type === 'null') return 'false';
    const x = this.arg(e);
    switch (e.type) {
      case 'boolean':
        return this.bool(x, mode);
      case 'number':
        return this.bool(`${x} <> 0`, mode);
      case 'string':
        return this.bool(`${x} <> ''`, mode);
      case 'list':
        return this.bool(`cardinality(${x}) > 0`, mode);
      default:
        return `(${x} IS NOT NULL)`;
    }
  }

  private shared(args: Expr[]): RuleType {
    return (args.find((a) => a.kind !== 'lit' && a.type !== 'null') ?? args.find((a) => a.type !== 'null'))?.type ?? 'null';
  }

  private op(e: Extract<Expr, { kind: 'op' }>, mode: Mode): string {
    const a = e.args;
    const t = this.shared(a);
    const x = (i: number, as: RuleType = t) => this.arg(a[i]!, as);
    // A temporal operand's kind (a null one reads as a date: the answer is NULL either way).
    const kind = (type: RuleType): RuleType => (type === 'datetime' ? 'datetime' : 'date');
    switch (e.op) {
      case 'and':
      case 'or':
        return `(${a.map((arg) => this.truthy(arg, mode)).join(e.op === 'and' ? ' AND ' : ' OR ')})`;
      case '!':
        // Parenthesized: NOT binds more loosely than IS NULL around it (is_empty of a "!").
        return `(NOT ${this.truthy(a[0]!, 'value')})`;
      case '!!':
        return this.truthy(a[0]!, mode);
      case 'if': {
        const parts: string[] = [];
        for (let i = 0; i + 1 < a.length; i += 2) parts.push(`WHEN ${this.truthy(a[i]!, 'value')} THEN ${this.arg(a[i + 1]!, e.type)}`);
        const otherwise = a.length % 2 === 1 ? this.arg(a[a.length - 1]!, e.type) : 'NULL';
        return `(CASE ${parts.join(' ')} ELSE ${otherwise} END)`;
      }
      case '==':
      case '===':
      case '!=':
      case '!==':
        return this.equality(e.op === '==' || e.op === '===', a, t, mode);
      case '<':
      case '<=':
      case '>':
      case '>=': {
        // Only nulls: false (nothing to compare, and NULL < NULL has no type for PostgreSQL).
        if (t === 'null') return 'false';
        const collate = t === 'string' ? ' COLLATE "C"' : '';
        const cmp = (l: number, r: number) => this.bool(`${x(l)}${collate} ${e.op} ${x(r)}${collate}`, mode);
        return a.length === 3 ? `(${cmp(0, 1)} AND ${cmp(1, 2)})` : cmp(0, 1);
      }
      case 'in':
        return this.membership(a[0]!, a[1]!, mode);
      case 'contains':
        return a[0]!.type === 'list' ? this.bool(`${x(0, 'list')} @> ARRAY[${x(1, 'string')}]::text[]`, mode) : this.textMatch(a[0]!, a[1]!, 'contains', mode);
      case 'starts_with':
        return this.textMatch(a[0]!, a[1]!, 'starts', mode);
      case 'ends_with':
        return this.textMatch(a[0]!, a[1]!, 'ends', mode);
      // The first operand as numeric makes the whole chain numeric: an integer column or
      // extract(…)::int neither divides as an integer (7 / 2 is 3.5) nor overflows.
      case '+':
      case '*':
        return `(${a.map((_, i) => (i === 0 ? this.numeric(a[0]!) : x(i, 'number'))).join(` ${e.op} `)})`;
      case '-':
        return a.length === 1 ? `(- ${x(0, 'number')})` : `(${this.numeric(a[0]!)} - ${x(1, 'number')})`;
      case '/':
        // A dividend of scale 40 gives a quotient of at least 40 decimals (numeric keeps the larger
        // input scale), so it rounds to the same double as the interpreter's 40-digit quotient.
        return `(round(${this.numeric(a[0]!)}, 40) / NULLIF(${x(1, 'number')}, 0))`;
      case '%':
        return `mod(${x(0, 'number')}, NULLIF(${x(1, 'number')}, 0))`;
      case 'min':
      case 'max':
        return `${e.op === 'min' ? 'LEAST' : 'GREATEST'}(${a.map((_, i) => x(i, 'number')).join(', ')})`;
      case 'round':
        // Places beyond ±1000 change nothing (PostgreSQL clamps there too), and stay within int.
        return `round((${x(0, 'number')})::numeric, ${a.length > 1 ? this.wholeNumber(x(1, 'number'), 1000, true) : '0'})`;
      case 'floor':
      case 'ceil':
        // floor(bigint) would be double precision; numeric keeps decimal arithmetic exact.
        return `${e.op}(${this.numeric(a[0]!)})`;
      case 'abs':
        return `${e.op}(${x(0, 'number')})`;
      case 'cat':
      case 'concat':
        return `concat(${a.map((arg) => this.asText(arg)).join(', ')})`;
      case 'lower':
      case 'upper':
        return `${e.op}(${x(0, 'string')})`;
      case 'length':
        return `char_length(${x(0, 'string')})`;
      case 'trim':
        return `btrim(${x(0, 'string')}, ' ')`;
      case 'regex_match':
        throw new AppError('RULE_NOT_COMPILABLE', '"regex_match" runs only in forms and validation rules, not in lists, filters or formulas', { operation: e.op, path: e.path });
      case 'if_null':
        return `coalesce(${x(0, e.type)}, ${x(1, e.type)})`;
      case 'is_empty':
      case 'not_empty': {
        const v = () => this.arg(a[0]!);
        const empty = this.varCast(a[0]!) ? `(${v()} IS NULL)` : a[0]!.type === 'string' ? `(${v()} IS NULL OR ${v()} = '')` : a[0]!.type === 'list' ? `(${v()} IS NULL OR cardinality(${v()}) = 0)` : `(${v()} IS NULL)`;
        return e.op === 'is_empty' ? empty : `(NOT ${empty})`;
      }
      case 'label_of':
        return this.labelOf(a[0]!, String((a[1] as { value: unknown }).value), e.path);
      case 'in_set':
        return this.bool(`${x(0, 'list')} @> ARRAY[${x(1, 'string')}]::text[]`, mode);
      case 'today':
        return this.opts.now === 'bind' ? this.ctx('$today', '::date') : `(now() AT TIME ZONE 'UTC')::date`;
      case 'now':
        return this.opts.now === 'bind' ? this.ctx('$now', '::timestamptz') : 'now()';
      case 'add_days':
      case 'add_months':
      case 'add_years': {
        const unit = e.op === 'add_days' ? 'days' : e.op === 'add_months' ? 'months' : 'years';
        const k = kind(a[0]!.type);
        const d = x(0, k);
        // A count beyond the span of years 1–9999 can only land outside them: NULL, never an out-of-range error.
        const n = this.wholeNumber(x(1, 'number'), SPAN[unit]);
        const shifted = k === 'date' && unit === 'days' ? `(${d} + ${n})` : k === 'date' ? `(${d} + make_interval(${unit} => ${n}))::date` : `(${d} + make_interval(${unit} => ${n}))`;
        return this.withinYears(shifted, k);
      }
      case 'diff_days': {
        const k = kind(t);
        return k === 'date' ? `(${x(0, k)} - ${x(1, k)})` : `floor(extract(epoch from (${x(0, k)} - ${x(1, k)})) / 86400)::int`;
      }
      case 'diff_months': {
        const k = kind(t);
        return `((extract(year from ${x(0, k)}) * 12 + extract(month from ${x(0, k)})) - (extract(year from ${x(1, k)}) * 12 + extract(month from ${x(1, k)})))::int`;
      }
      case 'diff_years':
        return `(extract(year from ${x(0, kind(t))}) - extract(year from ${x(1, kind(t))}))::int`;
      case 'year':
      case 'month':
      case 'day':
        return `extract(${e.op} from ${x(0, kind(a[0]!.type))})::int`;
      case 'weekday':
        return `extract(isodow from ${x(0, kind(a[0]!.type))})::int`;
      case 'start_of_week':
      case 'start_of_month':
      case 'start_of_quarter':
        return `date_trunc('${e.op.slice('start_of_'.length)}', ${x(0, kind(a[0]!.type))})::date`;
    }
  }

  /**
   * A count that must be whole: a fraction gives NULL, as in the interpreter.
   * Beyond ±limit it is NULL, or clamped to ±limit when `clamp` (either way it fits an int).
   */
  private wholeNumber(sql: string, limit: number, clamp = false): string {
    // Evaluated once (its placeholders bind once), then tested.
    const n = clamp ? `least(greatest(w.n, -${limit}), ${limit})::int` : `CASE WHEN abs(w.n) <= ${limit} THEN w.n::int END`;
    return `(SELECT CASE WHEN w.n = trunc(w.n) THEN ${n} END FROM (SELECT (${sql})::numeric AS n) w)`;
  }

  /** A shifted date or datetime, NULL outside years 1–9999 (as in the interpreter). */
  private withinYears(sql: string, k: RuleType): string {
    const [from, to] = k === 'date' ? [`'0001-01-01'::date`, `'9999-12-31'::date`] : [`'0001-01-01T00:00:00Z'::timestamptz`, `'9999-12-31T23:59:59.999Z'::timestamptz`];
    return `(SELECT CASE WHEN s.d BETWEEN ${from} AND ${to} THEN s.d END FROM (SELECT ${sql} AS d) s)`;
  }

  /** A number operand as numeric (a literal already is). */
  private numeric(e: Expr): string {
    const sql = this.arg(e, 'number');
    return e.kind === 'lit' ? sql : `(${sql})::numeric`;
  }

  private equality(equal: boolean, a: Expr[], t: RuleType, mode: Mode): string {
    const [l, r] = a as [Expr, Expr];
    const isNull = (e: Expr) => e.kind === 'lit' && e.value === null;
    if (isNull(l) && isNull(r)) return equal ? 'TRUE' : 'FALSE';
    if (isNull(l) || isNull(r)) return `(${this.arg(isNull(l) ? r : l)} IS ${equal ? '' : 'NOT '}NULL)`;
    // A literal compared with a uuid column is bound as a uuid, so the column's index applies.
    const cast = this.varCast(l) ?? this.varCast(r);
    const side = (e: Expr) => (cast && e.kind === 'lit' ? this.bindCast(e.value, cast) : cast && e.kind === 'ctx' ? this.ctx(e.name, cast) : this.arg(e, t));
    const lhs = side(l);
    const rhs = side(r);
    if (!equal) return `(${lhs} IS DISTINCT FROM ${rhs})`;
    // Against a non-null literal, "=" is exact in WHERE (NULL there means false) and can use an index.
    const literal = l.kind === 'lit' || r.kind === 'lit';
    return literal ? this.bool(`${lhs} = ${rhs}`, mode) : `(${lhs} IS NOT DISTINCT FROM ${rhs})`;
  }

  private membership(needle: Expr, hay: Expr, mode: Mode): string {
    if (hay.kind === 'list' && needle.type === 'list') {
      // The needle's parameters come first, as in the SQL text.
      const value = this.arg(needle);
      this.params.push(hay.values.map(String));
      return this.bool(`${value} && ?::text[]`, mode);
    }
    if (hay.kind === 'list') {
      const type = needle.type === 'number' ? 'number' : needle.type === 'null' ? 'string' : needle.type;
      const native = this.varCast(needle);
      const arrayCast = native ? `${native}[]` : type === 'number' ? '::numeric[]' : type === 'date' ? '::date[]' : type === 'datetime' ? '::timestamptz[]' : type === 'boolean' ? '::boolean[]' : '::text[]';
      // The needle's parameters come first, as in the SQL text. Datetime items are instants, to the millisecond (as the interpreter reads them).
      const value = this.arg(needle, type);
      this.params.push(type === 'datetime' ? hay.values.map((v) => (typeof v === 'string' ? datetimeLiteral(v) : v)) : hay.values);
      return this.bool(`${value} = ANY(?${arrayCast})`, mode);
    }
    if (hay.type === 'list') return this.bool(`${this.arg(hay)} @> ARRAY[${this.arg(needle, 'string')}]::text[]`, mode);
    return this.textMatch(hay, needle, 'contains', mode);
  }

  private varCast(e: Expr): string | undefined {
    return e.kind === 'var' ? this.opts.castOf?.(e.name) : undefined;
  }

  private bindCast(value: unknown, cast: string): string {
    this.params.push(value);
    return `?${cast}`;
  }

  private textMatch(s: Expr, sub: Expr, how: 'contains' | 'starts' | 'ends', mode: Mode): string {
    const subject = this.varCast(s) ? `(${this.arg(s, 'string')})::text` : this.arg(s, 'string');
    if (sub.kind === 'lit' && typeof sub.value === 'string') {
      const v = escapeLike(sub.value);
      this.params.push(how === 'contains' ? `%${v}%` : how === 'starts' ? `${v}%` : `%${v}`);
      return this.bool(`${subject} LIKE ?`, mode);
    }
    const needle = () => this.arg(sub, 'string');
    if (how === 'contains') return this.bool(`strpos(${subject}, ${needle()}) > 0`, mode);
    return this.bool(`${how === 'starts' ? 'left' : 'right'}(${subject}, char_length(${needle()})) = ${needle()}`, mode);
  }

  /** Text the way the interpreter writes values: 1.50 → "1.5", true → "true", datetimes in ISO UTC. */
  private asText(e: Expr): string {
    const v = this.arg(e, e.type === 'date' || e.type === 'datetime' ? e.type : undefined);
    switch (e.type) {
      case 'number':
        // The shortest text of the double (float8 output), written without an exponent: what the
        // interpreter writes, also for a quotient or a value of more than 15 digits.
        return `trim_scale(((${v})::float8::text)::numeric)::text`;
      case 'boolean':
        return `(CASE ${v} WHEN true THEN 'true' WHEN false THEN 'false' END)`;
      case 'datetime':
        return `to_char((${v}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
      case 'date':
        return `(${v})::text`;
      default:
        return v;
    }
  }

  private labelOf(value: Expr, field: string, path: string): string {
    const labels = this.opts.labels?.(field);
    if (!labels) throw new AppError('RULE_NOT_COMPILABLE', `label_of: "${field}" is not a picklist`, { path });
    // Built in the order of the SQL text (parameters bind by position); the value is compiled per use.
    const v = () => this.arg(value, 'string');
    const byLocale = (locale: 'en' | 'zh-CN') => {
      const entries = Object.entries(labels[locale]);
      if (!entries.length) return v();
      const subject = v();
      const whens = entries.map(([val, label]) => `WHEN ${this.bind(val, 'string')} THEN ${this.bind(label, 'string')}`);
      return `(CASE ${subject} ${whens.join(' ')} ELSE ${v()} END)`;
    };
    const locale = this.ctx('$locale', '::text');
    const zh = byLocale('zh-CN');
    const en = byLocale('en');
    return `(CASE WHEN ${locale} = 'zh-CN' THEN ${zh} ELSE ${en} END)`;
  }
}

/** Whole days, months and years between 0001-01-01 and 9999-12-31 (a larger count always leaves that span). */
const SPAN = { days: 3_652_059, months: 119_999, years: 9_999 } as const;

/** A literal as bound: a datetime literal stands for its instant, written in UTC with milliseconds (as the interpreter reads it). */
function literalValue(e: Extract<Expr, { kind: 'lit' }>): string | number | boolean | null {
  return e.type === 'datetime' && typeof e.value === 'string' ? datetimeLiteral(e.value) : e.value;
}

/**
 * Compiles a checked rule to SQL with `?` placeholders. Context values
 * ($now, $user, locale) stay as placeholders for bindParams. `predicate`
 * mode is for WHERE clauses; `value` for selected expressions.
 */
export function compileExpr(expr: Expr, opts: SqlCompileOptions, mode: Mode = 'value'): SqlFragment {
  const c = new Compiler(opts);
  const sql = mode === 'predicate' ? c.truthy(expr, mode) : c.expr(expr, mode);
  return { sql, params: c.params };
}
