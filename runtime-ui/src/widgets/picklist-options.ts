import type { FieldDef } from '../api/describe';
import type { Label } from '../i18n/i18n';

/** One value of a picklist as the describe gives it. */
export interface PicklistValue {
  value: string;
  label: Label;
  active: boolean;
  /** The colour the admin gave it (list chips, kanban column heads). */
  color?: string;
}

/** One option a picklist widget offers. */
export interface PicklistChoice {
  value: string;
  label: Label;
  /** A deactivated value the record still holds: shown, never offered for a new choice. */
  inactive: boolean;
}

/** A picklist's (or multi-select's) values, in the admin's order; none for other types. */
export const picklistValues = (f: FieldDef): PicklistValue[] => (Array.isArray(f.options.values) ? (f.options.values as PicklistValue[]) : []);

const isBlank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The controlling field of a dependent picklist, if it has one. */
export const controllingFieldOf = (f: FieldDef): string | undefined => (typeof f.options.controllingField === 'string' ? f.options.controllingField : undefined);

/**
 * Values a dependent picklist allows under its controlling field's value in
 * this record (none while the controller is empty), as the server decides;
 * undefined for a picklist that depends on nothing.
 */
export function allowedValues(f: FieldDef, record: Record<string, unknown>): Set<string> | undefined {
  const controller = controllingFieldOf(f);
  if (!controller) return undefined;
  const key = record[controller];
  if (isBlank(key)) return new Set();
  const deps = (f.options.dependencies ?? {}) as Record<string, string[]>;
  return new Set(deps[String(key)] ?? []);
}

/**
 * What the widget offers: the active values the controlling value allows,
 * plus whatever the record holds now (an inactive value stays shown).
 */
export function picklistChoices(f: FieldDef, record: Record<string, unknown>, current: unknown): PicklistChoice[] {
  const allowed = allowedValues(f, record);
  const held = new Set((Array.isArray(current) ? current : [current]).filter((v): v is string => typeof v === 'string'));
  const known = new Set<string>();
  const out: PicklistChoice[] = [];
  for (const v of picklistValues(f)) {
    known.add(v.value);
    const offered = v.active && (!allowed || allowed.has(v.value));
    if (offered || held.has(v.value)) out.push({ value: v.value, label: v.label, inactive: !v.active });
  }
  for (const v of held) if (!known.has(v)) out.push({ value: v, label: v, inactive: true });
  return out;
}

/**
 * Clears dependent picklist values their controlling value no longer allows,
 * following cascades (province → city → district) until nothing changes.
 * Returns the same object when nothing was cleared.
 */
export function clearDisallowedDependents(fields: FieldDef[], record: Record<string, unknown>): Record<string, unknown> {
  const dependents = fields.filter((f) => controllingFieldOf(f));
  let out = record;
  for (let pass = 0; pass <= dependents.length; pass++) {
    let changed = false;
    for (const f of dependents) {
      const value = out[f.name];
      if (isBlank(value)) continue;
      const allowed = allowedValues(f, out)!;
      if (Array.isArray(value)) {
        const kept = value.filter((v) => allowed.has(v as string));
        if (kept.length !== value.length) {
          out = { ...out, [f.name]: kept.length ? kept : undefined };
          changed = true;
        }
      } else if (!allowed.has(value as string)) {
        out = { ...out, [f.name]: undefined };
        changed = true;
      }
    }
    if (!changed) break;
  }
  return out;
}
