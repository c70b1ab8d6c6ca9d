/**
 * The rule interpreter: json-logic-js with Tessera's operations (docs/rules.md).
 * Runs in the server and in the browser, so it imports nothing server-side.
 *
 * Faults never throw: an exception inside an operation, an unknown
 * operation, or anything else that goes wrong gives null at that point, and
 * null then flows by the rules of each operation.
 */
import jsonLogic from 'json-logic-js';
import type { OperationName } from './catalogue';
import { arithmeticOperations } from './operations/arithmetic';
import { comparisonOperations } from './operations/comparison';
import { dateOperations } from './operations/dates';
import { controlOperations, logicOperations, type ControlRewrite } from './operations/logic';
import { nullOperations } from './operations/nulls';
import { picklistOperations } from './operations/picklists';
import { stringOperations } from './operations/strings';
import { datetimeLiteral } from './operations/temporal';
import { isPlainObject, type OperationFn, type RuleContext } from './operations/values';
import { readVariable } from './operations/variables';

export type { RuleContext } from './operations/values';

/** Operations json-logic-js calls as functions (registered with add_operation, overriding its own). */
const FUNCTION_TABLE = {
  ...logicOperations,
  ...comparisonOperations,
  ...arithmeticOperations,
  ...stringOperations,
  ...nullOperations,
  ...picklistOperations,
  ...dateOperations,
};
const FUNCTIONS: Record<string, OperationFn> = FUNCTION_TABLE;

/** Every catalogue operation, implemented one way or the other: a missing one is a compile error here. */
const IMPLEMENTED = {
  ...FUNCTION_TABLE,
  ...controlOperations,
} satisfies Record<OperationName, OperationFn | ControlRewrite>;

/** The operations this interpreter implements (the catalogue test compares them with OPERATIONS). */
export const implementedOperations = (): string[] => Object.keys(IMPLEMENTED);

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** What json-logic-js passes to every operation as `this`: the record and the context. */
const SCOPE = Symbol('tessera.rule-scope');
interface EvaluationScope {
  [SCOPE]: { record: Record<string, unknown>; context: RuleContext };
}
const scopeOf = (data: unknown) => (isPlainObject(data) && SCOPE in data ? (data as unknown as EvaluationScope)[SCOPE] : undefined);

/** undefined, NaN, ±Infinity → null; -0 → 0. */
function toRuleValue(x: unknown): unknown {
  if (x === undefined) return null;
  if (typeof x === 'number') return Number.isFinite(x) ? x + 0 : null;
  return x;
}

/** An operation as json-logic-js calls it: `this` is the data, arguments already evaluated; any exception → null. */
const guarded = (fn: OperationFn) =>
  function (this: unknown, ...args: unknown[]): unknown {
    try {
      return toRuleValue(fn(args.map(toRuleValue), scopeOf(this)?.context));
    } catch {
      return null;
    }
  };

/** {"var": path}. Outside evaluateRule (plain data) it reads the data's own fields. */
function variable(this: unknown, path: unknown): unknown {
  try {
    const scope = scopeOf(this);
    return scope ? readVariable(path, scope.record, scope.context) : readVariable(path, isPlainObject(this) ? this : {}, undefined);
  } catch {
    return null;
  }
}

let registered = false;

/** Registers Tessera's operations with json-logic-js, once (later calls do nothing). */
export function registerOperations(): void {
  if (registered) return;
  for (const [name, fn] of Object.entries(FUNCTIONS)) jsonLogic.add_operation(name, guarded(fn));
  jsonLogic.add_operation('var', variable);
  registered = true;
}

/**
 * Rewrites a rule into what json-logic-js evaluates per spec: and / or / if
 * get their boolean wrappers, a default in "var" is dropped, datetime
 * literals are written in UTC, and an unknown operation (refused at publish
 * time anyway) becomes null. Items of literal lists and regex_match's
 * operands stay as written.
 */
function prepare(node: unknown, asWritten = false): unknown {
  if (typeof node === 'string') return asWritten ? node : datetimeLiteral(node);
  if (Array.isArray(node)) return node.map((item) => prepare(item, true));
  // Same test as json-logic-js's is_logic: an object with exactly one key is an operation, anything else a literal.
  if (!isPlainObject(node) || Object.keys(node).length !== 1) return node;
  const op = Object.keys(node)[0]!;
  const raw = node[op];
  const args = (Array.isArray(raw) ? raw : [raw]).map((arg) => prepare(arg, op === 'var' || op === 'regex_match'));
  if (op === 'var') return { var: args.slice(0, 1) };
  if (own(controlOperations, op)) return controlOperations[op as keyof typeof controlOperations](args);
  if (own(FUNCTIONS, op)) return { [op]: args };
  return null;
}

/** A rule ready to run on many records (prepared once). */
export type CompiledRule = (record: Record<string, unknown>, context: RuleContext) => unknown;

/** Prepares a rule for repeated evaluation. */
export function compileRule(rule: unknown): CompiledRule {
  registerOperations();
  let prepared: unknown;
  try {
    prepared = prepare(rule);
  } catch {
    return () => null;
  }
  return (record, context) => {
    try {
      const data: EvaluationScope = { [SCOPE]: { record, context } };
      return toRuleValue(jsonLogic.apply(prepared as jsonLogic.RulesLogic, data));
    } catch {
      return null;
    }
  };
}

/** Evaluates a rule on a record. Never throws: a fault gives null. */
export function evaluateRule(rule: unknown, record: Record<string, unknown>, context: RuleContext): unknown {
  return compileRule(rule)(record, context);
}
