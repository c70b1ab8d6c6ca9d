import type { FieldTypeDef } from '../types';

export const booleanType: FieldTypeDef = {
  type: 'boolean',
  settingsSchema: { type: 'object', additionalProperties: false, properties: {} },
  normalizeOptions: (options) => ({ options, issues: [] }),
  columnType: () => 'boolean',
  valueSchema: () => ({ type: 'boolean' }),
  kind: 'boolean',
  writable: true,
  searchable: false,
};
