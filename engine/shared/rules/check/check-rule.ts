import { isOperation, OPERATIONS, RULE_LIMITS, type OperationName, type RuleType } from '../catalogue';
import { parseDate, parseDatetime } from '../operations/temporal';
import { CONTEXT_VARS, type ContextVar, type Expr, type RuleIssue, type RuleScope } from '../typed-ast';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

class RuleError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;
/** Nested quantifiers such as (a+)+ backtrack catastrophically. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*{]/;

/**
 * A literal string that looks like a date or datetime is typed as one, so date
 * rules compare dates. Only a real calendar day counts ("2026-02-30" is text,
 * so a date rule refuses it): Date.parse would accept it.
 */
function literalType(v: string | number | boolean | null): RuleType {
  if (v === null) return 'null';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (DATE.test(v) && parseDate(v) !== null) return 'date';
  if (DATETIME.test(v) && parseDatetime(v) !== null) return 'datetime';
  return 'string';
}

/** Whether a value of type `t` may stand where `allowed` is expected (null fits everywhere; a date-looking string also reads as text). */
function fits(t: RuleType, allowed: RuleType[], lit: boolean): boolean {
  if (t === 'null' || allowed.includes('any') || allowed.includes(t)) return true;
  return lit && (t === 'date' || t === 'datetime') && allowed.includes('string');
}

class Checker {
  constructor(private readonly scope: RuleScope) {}

  check(node: Json, path: string, depth: number): Expr {
    if (depth > RULE_LIMITS.maxDepth) throw new RuleError(path, `rules may nest at most ${RULE_LIMITS.maxDepth} levels`);
    if (node === null || typeof node !== 'object') {
      if (typeof node === 'number' && !Number.isFinite(node)) throw new RuleError(path, 'numbers must be finite');
      return { kind: 'lit', value: node, type: literalType(node), path };
    }
    if (Array.isArray(node)) return this.list(node, path);
    const keys = Object.keys(node);
    if (keys.length !== 1) throw new RuleError(path, 'a json-logic rule has exactly one operator');
    const name = keys[0]!;
    const raw = node[name]!;
    const at = `${path}/${escape(name)}`;
    if (name === 'var') return { ...this.variable(raw, at), path };
    if (!isOperation(name)) throw new RuleError(at, `unknown operation "${name}"`);
    const rawArgs = Array.isArray(raw) ? raw : [raw];
    return this.operation(name, rawArgs, at, depth);
  }

  private list(node: Json[], path: string): Expr {
    if (node.length > RULE_LIMITS.maxListItems) throw new RuleError(path, `lists are limited to ${RULE_LIMITS.maxListItems} items`);
    const values = node.map((v, i) => {
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new RuleError(`${path}/${i}`, 'list items must be strings, numbers or booleans');
      return v;
    });
    return { kind: 'list', values, type: 'list', path };
  }

  private variable(raw: Json, path: string): Expr {
    const args = Array.isArray(raw) ? raw : [raw];
    if (args.length !== 1 || typeof args[0] !== 'string' || !args[0]) throw new RuleError(path, '"var" takes one field name (defaults are not supported)');
    const name = args[0];
    if (name.startsWith('$')) {
      if (!(name in CONTEXT_VARS)) throw new RuleError(path, `unknown context variable "${name}"`);
      if (!this.scope.allowContext) throw new RuleError(path, `"${name}" cannot be used here: the value must not depend on who reads it`);
      return { kind: 'ctx', name: name as ContextVar, type: CONTEXT_VARS[name as ContextVar], path };
    }
    const type = this.scope.resolve(name);
    if (!type) throw new RuleError(path, `unknown field "${name}"`);
    return { kind: 'var', name, type, path };
  }

  private operation(op: OperationName, rawArgs: Json[], path: string, depth: number): Expr {
    const sig = OPERATIONS[op];
    const [min, max] = sig.arity;
    if (rawArgs.length < min || rawArgs.length > max) throw new RuleError(path, `"${op}" takes ${min === max ? min : max === Infinity ? `at least ${min}` : `${min} to ${max}`} argument(s), got ${rawArgs.length}`);
    const args = rawArgs.map((a, i) => this.check(a, `${path}/${i}`, depth + 1));
    args.forEach((a, i) => {
      const allowed = sig.args[Math.min(i, sig.args.length - 1)] ?? ['any'];
      if (!fits(a.type, allowed, a.kind === 'lit')) throw new RuleError(a.path, `"${op}" does not take a ${a.type} here (expects ${allowed.join(' or ')})`);
    });
    const type = this.resultType(op, args);
    this.extraChecks(op, args, path);
    return { kind: 'op', op, args, type, path };
  }

  private resultType(op: OperationName, args: Expr[]): RuleType {
    const sig = OPERATIONS[op];
    if (sig.returns === 'arg0') return args[0]!.type === 'null' ? 'null' : args[0]!.type;
    if (sig.returns !== 'same') return sig.returns;
    // if: values are the odd positions and the last; if_null: both operands.
    const values = op === 'if' ? args.filter((_, i) => i % 2 === 1 || i === args.length - 1) : args;
    return unify(values, op);
  }

  private extraChecks(op: OperationName, args: Expr[], path: string): void {
    const comparison = ['==', '===', '!=', '!==', '<', '<=', '>', '>='].includes(op);
    if (comparison) unify(args, op);
    const list = comparison ? args.find((a) => a.type === 'list') : undefined;
    if (list && !args.some((a) => a.kind === 'lit' && a.value === null)) throw new RuleError(list.path, `a multi-select is compared only with null; use "in" or "contains" for its values`);
    if (op === 'in' && args[1]!.type === 'string') unify(args, op);
    if (op === 'in' && args[1]!.kind === 'list') listItemsFit(args[0]!, args[1]!);
    if (['<', '<=', '>', '>='].includes(op)) {
      const nullArg = args.find((a) => a.kind === 'lit' && a.value === null);
      if (nullArg) throw new RuleError(nullArg.path, `"${op}" with null is always false; compare with == null instead`);
    }
    if (['diff_days', 'diff_months', 'diff_years'].includes(op)) unify(args, op);
    if (op === 'regex_match') {
      const pattern = args[1]!;
      if (pattern.kind !== 'lit' || typeof pattern.value !== 'string') throw new RuleError(pattern.path, 'the pattern must be a literal string');
      if (pattern.value.length > RULE_LIMITS.maxRegexLength) throw new RuleError(pattern.path, `patterns are limited to ${RULE_LIMITS.maxRegexLength} characters`);
      if (NESTED_QUANTIFIER.test(pattern.value)) throw new RuleError(pattern.path, 'nested quantifiers such as (a+)+ are not allowed');
      try {
        new RegExp(pattern.value);
      } catch {
        throw new RuleError(pattern.path, 'not a valid regular expression');
      }
    }
    if (op === 'label_of' && !this.scope.allowContext) throw new RuleError(path, '"label_of" cannot be used here: the value must not depend on who reads it');
    if (op === 'label_of' && (args[1]!.kind !== 'lit' || typeof args[1]!.value !== 'string')) throw new RuleError(args[1]!.path, 'label_of names its picklist field as a literal string');
  }
}

/** The items of a literal list must be of the needle's kind (a multi-select's values are strings). */
function listItemsFit(needle: Expr, list: Expr): void {
  if (list.kind !== 'list' || needle.type === 'null') return;
  const want = needle.type === 'number' ? 'number' : needle.type === 'boolean' ? 'boolean' : 'string';
  list.values.forEach((v, i) => {
    if (typeof v !== want) throw new RuleError(`${list.path}/${i}`, `${JSON.stringify(v)} is not a ${needle.type} value`);
  });
}

/** All non-null types must agree (a date literal also reads as text when compared with text). */
function unify(args: Expr[], op: string): RuleType {
  const typed = args.filter((a) => a.type !== 'null');
  if (!typed.length) return 'null';
  const nonLiteral = typed.find((a) => a.kind !== 'lit');
  const target = (nonLiteral ?? typed[0]!).type;
  for (const a of typed) {
    const ok = a.type === target || (a.kind === 'lit' && target === 'string' && (a.type === 'date' || a.type === 'datetime'));
    if (!ok) throw new RuleError(a.path, `"${op}" cannot mix ${target} and ${a.type}`);
  }
  return target;
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Parses and type-checks a json-logic rule against a scope. Returns the typed
 * tree, or the first problem with the JSON pointer of the bad node.
 */
export function checkRule(rule: unknown, scope: RuleScope, expect?: RuleType[]): { expr?: Expr; issues: RuleIssue[] } {
  try {
    const expr = new Checker(scope).check(rule as Json, '', 0);
    if (expect && !fits(expr.type, expect, expr.kind === 'lit')) return { issues: [{ path: '', message: `the rule gives a ${expr.type}, expected ${expect.join(' or ')}` }] };
    return { expr, issues: [] };
  } catch (e) {
    if (e instanceof RuleError) return { issues: [{ path: e.path, message: e.message }] };
    throw e;
  }
}
