import type { FieldTypeDef } from '../types';

/** Single-line text stored as varchar(maxLength). */
export const textType: FieldTypeDef = {
  type: 'text',
  settingsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { maxLength: { type: 'integer', minimum: 1, maximum: 10000, default: 255 } },
  },
  normalizeOptions: (options) => ({ options: { ...options, maxLength: (options.maxLength as number | undefined) ?? 255 }, issues: [] }),
  columnType: (field) => `varchar(${field.options.maxLength})`,
  valueSchema: (field) => ({ type: 'string', maxLength: field.options.maxLength }),
  kind: 'string',
  writable: true,
  searchable: true,
};
