import type { FieldTypeDef } from '../types';

/** A calendar date, exchanged as YYYY-MM-DD. */
export const dateType: FieldTypeDef = {
  type: 'date',
  settingsSchema: { type: 'object', additionalProperties: false, properties: {} },
  normalizeOptions: (options) => ({ options, issues: [] }),
  columnType: () => 'date',
  valueSchema: () => ({ type: 'string', format: 'date' }),
  kind: 'date',
  writable: true,
  searchable: false,
};
