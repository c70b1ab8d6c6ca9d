import type { FieldTypeDef } from '../types';

/** An instant, stored as timestamptz and answered in ISO 8601 UTC. */
export const datetimeType: FieldTypeDef = {
  type: 'datetime',
  settingsSchema: { type: 'object', additionalProperties: false, properties: {} },
  normalizeOptions: (options) => ({ options, issues: [] }),
  columnType: () => 'timestamptz',
  valueSchema: () => ({ type: 'string', format: 'date-time' }),
  kind: 'datetime',
  writable: true,
  searchable: false,
  fromDb: (value) => (value instanceof Date ? value.toISOString() : value),
};
