import type { JsonSchema, ValueKind } from './types';

/** The JSON Schema of a value the engine computes (a formula's result, a roll-up), by its kind. */
export const COMPUTED_VALUE_SCHEMA = {
  number: { type: 'number' },
  string: { type: 'string' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
} satisfies Partial<Record<ValueKind, JsonSchema>>;

/** The kinds a computed value can have. */
export type ComputedKind = keyof typeof COMPUTED_VALUE_SCHEMA;
