import type { Field, RawObjectDef, ValueSet } from '../shared/metadata-types';
import type { FieldTypeRegistry } from './registry';

export type JsonSchema = Record<string, unknown>;

/** The value families filters and type changes reason about. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'date' | 'datetime' | 'uuid' | 'array';

/** What a field type may look up while it normalizes or checks itself. */
export interface FieldTypeContext {
  valueSets: Record<string, ValueSet>;
  objectNames: ReadonlySet<string>;
  /** Every object as written, for settings that reach across objects (roll-ups). */
  objects: Record<string, RawObjectDef>;
  /** The object whose field is being normalized. */
  objectName: string;
  /** Every field type, for settings that reason about other fields (roll-up filters). */
  registry: FieldTypeRegistry;
}

/** A problem found in a field's settings, relative to the field. */
export interface SettingsIssue {
  path: string;
  message: string;
}

/**
 * Everything the engine knows about one field type. Adding a type means
 * writing one of these and registering it; nothing else switches on type names.
 */
export interface FieldTypeDef {
  type: string;
  /** JSON Schema of `options` (also drives the designer's settings form). */
  settingsSchema: JsonSchema;
  /** Fills in defaults; returns issues for settings that ajv cannot judge (references). */
  normalizeOptions(options: Record<string, unknown>, ctx: FieldTypeContext): { options: Record<string, unknown>; issues: SettingsIssue[] };
  /** The PostgreSQL column type. */
  columnType(field: Field): string;
  /** JSON Schema fragment for a value (without null; the caller adds it). */
  valueSchema(field: Field, mode: 'create' | 'update'): JsonSchema;
  kind: ValueKind;
  /** The kind of one field when it depends on its settings (a formula's `returns`). */
  kindOf?: (field: Field) => ValueKind;
  /** Whether the value can be written through the API (autonumber cannot). */
  writable: boolean;
  /** Included in the `q` quick search. */
  searchable: boolean;
  /** False for types without a column (formulas are computed when read). */
  stored?: boolean;
  /** DB value → API value, when the driver's value is not already right. */
  fromDb?: (value: unknown) => unknown;
}
