import type { CompiledObject } from '../metadata/compiled-object';
import type { RecordContext, RecordRow } from '../records/context';
import { expandLookups, ruleContext } from '../records/validation-rules';
import type { CompiledRule, RuleContext } from '../shared/rules/interpreter';
import type { PreparedConversion } from './prepared-conversion';

/** What the mappings give for one source record: per target key its field values, and the source's own new values. */
export interface MappedValues {
  targets: Record<string, Record<string, unknown>>;
  set: Record<string, unknown>;
}

/** A mapped value as a create payload takes it: dates read from the database as ISO text. */
const payloadValue = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v);

/**
 * Runs compiled mappings. For a target a null result leaves the field out, so
 * the target's default (or its required check) applies; the source's `set`
 * keeps nulls (they clear the field).
 */
function run(fields: [string, CompiledRule][], record: RecordRow, context: RuleContext, keepNull: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, rule] of fields) {
    const value = payloadValue(rule(record, context)) ?? null;
    if (value !== null || keepNull) out[name] = value;
  }
  return out;
}

/**
 * Evaluates every mapping of the conversion over the source record (as
 * stored, API-shaped), with $user / $now as validation rules see them;
 * lookup paths such as `campaign.name` read the related record first.
 */
export async function mappedValues(ctx: RecordContext, obj: CompiledObject, prepared: PreparedConversion, source: RecordRow): Promise<MappedValues> {
  const plain = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, payloadValue(v)]));
  const [record] = prepared.lookupPaths.length ? await expandLookups(ctx, obj.def, [plain], prepared.lookupPaths) : [plain];
  const context = ruleContext(ctx, obj);
  const targets: Record<string, Record<string, unknown>> = {};
  for (const t of prepared.targets) targets[t.key] = run(t.fields, record!, context, false);
  return { targets, set: run(prepared.set, record!, context, true) };
}
