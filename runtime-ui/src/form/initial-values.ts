import type { FieldDef } from '../api/describe';
import { compileRule, type RuleContext } from '../../../engine/shared/rules/interpreter';

const isRuleDefault = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A new record's starting values: each editable field's default (a literal,
 * or a json-logic default evaluated on the values given), then the values
 * given (a related list's parent, query parameters) on top.
 */
export function newRecordValues(fields: FieldDef[], editable: ReadonlySet<string>, given: Record<string, unknown>, context: RuleContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!editable.has(f.name) || f.defaultValue === undefined || f.defaultValue === null) continue;
    const value = isRuleDefault(f.defaultValue) ? compileRule(f.defaultValue)(given, context) : f.defaultValue;
    if (value !== null && value !== undefined) out[f.name] = value;
  }
  return { ...out, ...given };
}
