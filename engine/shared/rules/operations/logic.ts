/**
 * Logic. "!" and "!!" are plain operations. and / or / if are control flow
 * inside json-logic-js's apply (add_operation cannot replace them), so the
 * interpreter rewrites them before evaluation: every condition is wrapped in
 * our "!!" (spec truthiness), and and / or are wrapped once more so that they
 * always give a boolean (json-logic-js returns the deciding operand itself,
 * e.g. null, and undefined for an empty "or").
 */
import type { OperationName } from '../catalogue';
import { truthy, type OperationTable } from './values';

export const logicOperations = {
  '!': ([x]) => !truthy(x),
  '!!': ([x]) => truthy(x),
} satisfies OperationTable;

/** Rewrites an operation's (already prepared) arguments into a rule json-logic-js evaluates per spec. */
export type ControlRewrite = (args: unknown[]) => unknown;

const asBoolean = (rule: unknown) => ({ '!!': [rule] });

/** and / or keep json-logic-js's short-circuit; each operand and the result go through "!!". */
const junction = (op: 'and' | 'or'): ControlRewrite => (args) => asBoolean({ [op]: args.map(asBoolean) });

/** if: [c1, v1, c2, v2, …, else] — conditions (even positions except a trailing else) go through "!!". */
const conditional: ControlRewrite = (args) => ({
  if: args.map((a, i) => (i % 2 === 0 && i < args.length - 1 ? asBoolean(a) : a)),
});

export const controlOperations = {
  and: junction('and'),
  or: junction('or'),
  if: conditional,
} satisfies { [K in OperationName]?: ControlRewrite };
