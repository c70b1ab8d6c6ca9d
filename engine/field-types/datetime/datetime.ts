import type { FieldTypeDef } from '../types';

/** An instant, stored as timestamptz(3) — the millisecond precision JSON and JavaScript carry, so values round-trip exactly. */
export const datetimeType: FieldTypeDef = {
  type: 'datetime',
  settingsSchema: { type: 'object', additionalProperties: false, properties: {} },
  normalizeOptions: (options) => ({ options, issues: [] }),
  columnType: () => 'timestamptz(3)',
  valueSchema: () => ({ type: 'string', format: 'date-time' }),
  kind: 'datetime',
  writable: true,
  searchable: false,
};
