import type { RawPicklistValue } from '../../../engine/shared/metadata-types';
import { labelText, withLabelText } from '../i18n/label-text';

/** The API value pattern of the picklist settings schema. */
export const VALUE_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}$/;
/** A colour as the settings schema takes it. */
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

/** What is locally wrong with one value (before the server says so), as message keys. */
export type ValueProblem = 'valueBad' | 'valueDuplicate' | 'labelNeeded' | 'colorBad' | 'probabilityBad';

/** Local problems per row: the value pattern, uniqueness, a label, colour and probability ranges. */
export function valueProblems(values: RawPicklistValue[]): ValueProblem[][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v.value, (counts.get(v.value) ?? 0) + 1);
  return values.map((v) => {
    const p: ValueProblem[] = [];
    if (!VALUE_PATTERN.test(v.value)) p.push('valueBad');
    else if ((counts.get(v.value) ?? 0) > 1) p.push('valueDuplicate');
    if (!labelText(v.label, 'en') && !labelText(v.label, 'zh-CN')) p.push('labelNeeded');
    if (v.color !== undefined && !COLOR_PATTERN.test(v.color)) p.push('colorBad');
    if (v.probability !== undefined && !(v.probability >= 0 && v.probability <= 100)) p.push('probabilityBad');
    return p;
  });
}

/** The list with one item moved from `from` to `to` (both clamped). */
export function moveItem<T>(list: T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from === target || from < 0 || from >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item!);
  return next;
}

/** A fresh value name not yet in the list (value_1, value_2…). */
export function freshValue(values: RawPicklistValue[]): string {
  const taken = new Set(values.map((v) => v.value));
  let n = values.length + 1;
  while (taken.has(`value_${n}`)) n++;
  return `value_${n}`;
}

/** A value with one property set or removed (undefined removes it, so the JSON stays minimal). */
export function withProp<K extends 'active' | 'color' | 'probability'>(v: RawPicklistValue, key: K, next: RawPicklistValue[K] | undefined): RawPicklistValue {
  const copy = { ...v };
  if (next === undefined) delete copy[key];
  else copy[key] = next;
  return copy;
}

/**
 * Values pasted one per line as `value,English,中文` (a tab works as the
 * separator too); lines whose value is invalid or already present are skipped.
 */
export function parsePasted(text: string, existing: RawPicklistValue[]): { added: RawPicklistValue[]; skipped: number } {
  const seen = new Set(existing.map((v) => v.value));
  const added: RawPicklistValue[] = [];
  let skipped = 0;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const [value = '', en = '', zh = ''] = line.split(line.includes('\t') ? '\t' : ',').map((s) => s.trim());
    if (!VALUE_PATTERN.test(value) || seen.has(value)) {
      skipped++;
      continue;
    }
    seen.add(value);
    const label = withLabelText(withLabelText(undefined, 'en', en || value), 'zh-CN', zh);
    added.push({ value, label });
  }
  return { added, skipped };
}
