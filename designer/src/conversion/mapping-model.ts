/**
 * The conversion mapping editor's model, pure: which target fields can be
 * filled, what feeds each (a source field, a link to another target, or an
 * expression), which source fields suit a target field, and the warnings the
 * shared rule checker gives before the server is asked.
 */
import type { RawConversion, RawConversionTarget, RawField, RawSnapshot } from '../../../engine/shared/metadata-types';
import type { RuleType } from '../../../engine/shared/rules/catalogue';
import { checkRule } from '../../../engine/shared/rules/check/check-rule';
import { draftRuleScope, ruleFieldsOf, ruleTypeOfField, type RuleField } from '../rule-builder/rule-fields';

/** What fills one target field. */
export type Mapping = { kind: 'none' } | { kind: 'field'; field: string } | { kind: 'link'; target: string } | { kind: 'expression'; rule: unknown };

/** Types whose values the engine computes: never filled by a conversion. */
const COMPUTED = new Set(['formula', 'rollup', 'autonumber']);

/** A new, empty conversion. */
export const emptyConversion = (): RawConversion => ({ targets: [], source: { set: {}, links: {}, readOnly: true } });

/** The fields of an object a conversion may write: the record name (when typed in) and its own stored fields. */
export function writableFieldsOf(snapshot: RawSnapshot, object: string): RawField[] {
  const obj = snapshot.objects[object];
  if (!obj) return [];
  const name: RawField[] = obj.nameField?.type === 'autonumber' ? [] : [{ name: 'name', type: 'text', label: obj.nameField?.label ?? { en: 'Name', 'zh-CN': '名称' }, required: true }];
  return [...name, ...obj.fields.filter((f) => !COMPUTED.has(f.type))];
}

/** How a target field is filled now. A bare {"var": field} of the source reads as that field. */
export function mappingOf(target: RawConversionTarget, field: string, sourceFields: RuleField[]): Mapping {
  const link = target.links?.[field];
  if (link !== undefined) return { kind: 'link', target: link };
  if (!(field in target.fields)) return { kind: 'none' };
  const rule = target.fields[field];
  const v = rule !== null && typeof rule === 'object' && !Array.isArray(rule) && Object.keys(rule).length === 1 ? (rule as { var?: unknown }).var : undefined;
  if (typeof v === 'string' && sourceFields.some((f) => f.name === v)) return { kind: 'field', field: v };
  return { kind: 'expression', rule };
}

/** The target with `field` filled as `m` (fields and links kept apart, as the metadata requires). */
export function withMapping(target: RawConversionTarget, field: string, m: Mapping): RawConversionTarget {
  const { [field]: _f, ...fields } = target.fields;
  const { [field]: _l, ...links } = target.links ?? {};
  if (m.kind === 'field') fields[field] = { var: m.field };
  if (m.kind === 'expression') fields[field] = m.rule ?? null;
  if (m.kind === 'link') links[field] = m.target;
  return { ...target, fields, links };
}

/** Source fields whose values suit a target field: the same rule type; lookups only from lookups to the same object, picklists only from picklists (anything else through an expression). */
export function compatibleSources(snapshot: RawSnapshot, source: string, target: RawField): RuleField[] {
  const want = ruleTypeOfField(snapshot, target);
  const targetOf = target.type === 'lookup' ? target.options?.target : undefined;
  return ruleFieldsOf(snapshot, source).filter((f) => {
    if (f.ruleType !== want || f.name === 'id' || f.type === 'user') return false;
    if (targetOf !== undefined) return f.type === 'lookup' && f.target === targetOf;
    if (target.type === 'picklist') return f.type === 'picklist';
    return f.type !== 'lookup';
  });
}

/** Targets a lookup field may be linked to: other targets of the object it points at. */
export const linkableTargets = (conversion: RawConversion, self: RawConversionTarget, field: RawField): RawConversionTarget[] =>
  field.type === 'lookup' ? conversion.targets.filter((t) => t !== self && t.object === field.options?.target) : [];

/** What the browser can tell before the server does. */
export type MappingWarning = { kind: 'invalid'; message: string } | { kind: 'type'; got: RuleType; want: RuleType };

/** Whether a rule result of type `got` can be stored in a field holding `want` (as the server's check-mappings decides). */
const fits = (got: RuleType, want: RuleType, literal: boolean) => got === 'null' || got === want || want === 'any' || (literal && want === 'string' && (got === 'date' || got === 'datetime'));

/** The mapping's problem, if the shared checker sees one: a rule that does not check, or gives the wrong type. */
export function mappingWarning(snapshot: RawSnapshot, source: string, target: RawField, rule: unknown): MappingWarning | undefined {
  const { expr, issues } = checkRule(rule, draftRuleScope(snapshot, source, true));
  if (!expr) return { kind: 'invalid', message: issues[0]?.message ?? '' };
  const want = ruleTypeOfField(snapshot, target);
  return fits(expr.type, want, expr.kind === 'lit') ? undefined : { kind: 'type', got: expr.type, want };
}

/** A required field left unfilled (no mapping, no link, no default) warns before the publish refuses it. */
export function missingRequired(target: RawConversionTarget, field: RawField): boolean {
  return !!field.required && !(field.name in target.fields) && !(field.name in (target.links ?? {})) && field.defaultValue === undefined;
}
