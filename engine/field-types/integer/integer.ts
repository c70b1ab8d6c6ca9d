import type { FieldTypeDef, JsonSchema } from '../types';

/** Whole numbers in a bigint column, bounded to JavaScript's safe integers. */
export const integerType: FieldTypeDef = {
  type: 'integer',
  settingsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { min: { type: 'integer' }, max: { type: 'integer' } },
  },
  normalizeOptions: (options) => ({ options, issues: [] }),
  columnType: () => 'bigint',
  valueSchema(field): JsonSchema {
    const min = (field.options.min as number | undefined) ?? Number.MIN_SAFE_INTEGER;
    const max = (field.options.max as number | undefined) ?? Number.MAX_SAFE_INTEGER;
    return { type: 'integer', minimum: min, maximum: max };
  },
  kind: 'number',
  writable: true,
  searchable: false,
};
