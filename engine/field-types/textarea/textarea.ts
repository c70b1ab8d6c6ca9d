import type { FieldTypeDef } from '../types';

/** Long text: an unbounded text column, the limit enforced on write. */
export const textareaType: FieldTypeDef = {
  type: 'textarea',
  settingsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { maxLength: { type: 'integer', minimum: 1, maximum: 1000000, default: 32000 } },
  },
  normalizeOptions: (options) => ({ options: { ...options, maxLength: (options.maxLength as number | undefined) ?? 32000 }, issues: [] }),
  columnType: () => 'text',
  valueSchema: (field) => ({ type: 'string', maxLength: field.options.maxLength }),
  kind: 'string',
  writable: true,
  searchable: false,
};
