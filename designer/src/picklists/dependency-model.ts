import type { RawField, RawLabel, RawObjectDef, RawPicklistValue, RawSnapshot } from '../../../engine/shared/metadata-types';

/** A picklist field's dependency on a controlling field (part of its options). */
export interface DependencyOptions {
  controllingField?: string;
  dependencies?: Record<string, string[]>;
}

/** Types a controlling field may have (as the server checks). */
export const CONTROLLER_TYPES = ['picklist', 'boolean'] as const;

/** One row or column of the matrix: a value and how to show it. */
export interface MatrixValue {
  value: string;
  label: RawLabel;
  active: boolean;
}

/** A picklist's values, its own or its shared value set's (empty when neither is there). */
export function picklistValuesOf(field: RawField, snapshot: RawSnapshot): RawPicklistValue[] {
  const o = field.options ?? {};
  if (typeof o.valueSet === 'string') return snapshot.valueSets[o.valueSet]?.values ?? [];
  return Array.isArray(o.values) ? (o.values as RawPicklistValue[]) : [];
}

/** The values a field offers as matrix rows or columns: "true"/"false" for a boolean. */
export function matrixValuesOf(field: RawField, snapshot: RawSnapshot, booleanLabels: { yes: string; no: string }): MatrixValue[] {
  if (field.type === 'boolean')
    return [
      { value: 'true', label: booleanLabels.yes, active: true },
      { value: 'false', label: booleanLabels.no, active: true },
    ];
  return picklistValuesOf(field, snapshot).map((v) => ({ value: v.value, label: v.label, active: v.active !== false }));
}

const controllerOf = (f: RawField | undefined): string | undefined => (typeof f?.options?.controllingField === 'string' ? f.options.controllingField : undefined);

/**
 * Fields of the object that may control `field`: picklists and booleans,
 * not the field itself, and none whose own chain of controllers leads back
 * to `field` (that would be a cycle).
 */
export function controllerCandidates(def: RawObjectDef | undefined, field: string): RawField[] {
  if (!def) return [];
  const byName = new Map(def.fields.map((f) => [f.name, f]));
  const leadsBack = (start: RawField): boolean => {
    const seen = new Set<string>();
    for (let c: RawField | undefined = start; c && !seen.has(c.name); c = byName.get(controllerOf(c) ?? '')) {
      if (c.name === field) return true;
      seen.add(c.name);
    }
    return false;
  };
  return def.fields.filter((f) => f.name !== field && (CONTROLLER_TYPES as readonly string[]).includes(f.type) && !leadsBack(f));
}

/**
 * The cascade the field sits in: its controllers from the top down, the field,
 * then the fields it controls (one level per step; siblings side by side).
 */
export function dependencyChain(def: RawObjectDef | undefined, field: string, controlling: string | undefined): { above: string[]; below: string[][] } {
  const fields = def?.fields ?? [];
  const byName = new Map(fields.map((f) => [f.name, f]));
  const above: string[] = [];
  for (let c = controlling; c && !above.includes(c) && c !== field; c = controllerOf(byName.get(c))) above.unshift(c);
  const below: string[][] = [];
  const seen = new Set([field, ...above]);
  for (let level = [field]; level.length; ) {
    level = fields.filter((f) => level.includes(controllerOf(f) ?? '') && !seen.has(f.name)).map((f) => f.name);
    level.forEach((n) => seen.add(n));
    if (level.length) below.push(level);
  }
  return { above, below };
}

/** Whether `value` is allowed under `key`. */
export const isAllowed = (deps: Record<string, string[]>, key: string, value: string): boolean => (deps[key] ?? []).includes(value);

/**
 * The dependencies with the cells of `keys` × `values` set on or off: each
 * row keeps the dependent field's value order; empty rows are dropped (a
 * missing key allows nothing, as the server reads it); rows of keys not in
 * the matrix are kept as they are.
 */
export function setCells(deps: Record<string, string[]>, keys: string[], values: string[], on: boolean, order: string[], keyOrder: string[]): Record<string, string[]> {
  const touched = new Set(keys);
  const changed = new Set(values);
  const rowOf = (key: string): string[] => {
    const current = new Set(deps[key] ?? []);
    if (touched.has(key)) for (const v of changed) on ? current.add(v) : current.delete(v);
    const known = order.filter((v) => current.has(v));
    return [...known, ...[...current].filter((v) => !order.includes(v))];
  };
  const next: Record<string, string[]> = {};
  const allKeys = [...keyOrder, ...Object.keys(deps).filter((k) => !keyOrder.includes(k))];
  for (const key of allKeys) {
    const row = rowOf(key);
    if (row.length) next[key] = row;
  }
  return next;
}

/** Keys of the dependencies that are not values of the controller (the server refuses them). */
export const staleKeys = (deps: Record<string, string[]>, keys: string[]): string[] => Object.keys(deps).filter((k) => !keys.includes(k));

/** The dependencies without the given keys. */
export const withoutKeys = (deps: Record<string, string[]>, drop: string[]): Record<string, string[]> => Object.fromEntries(Object.entries(deps).filter(([k]) => !drop.includes(k)));
