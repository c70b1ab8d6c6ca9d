import type { Field } from '../shared/metadata-types';
import type { FieldTypeDef, JsonSchema } from './types';

/** Shared by number, currency and percent: numeric(precision, scale). */
export function decimalType(type: string, defaults: { precision: number; scale: number }): FieldTypeDef {
  return {
    type,
    settingsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        precision: { type: 'integer', minimum: 1, maximum: 38, default: defaults.precision },
        scale: { type: 'integer', minimum: 0, maximum: 38, default: defaults.scale },
        min: { type: 'number' },
        max: { type: 'number' },
      },
    },
    normalizeOptions(options) {
      const precision = (options.precision as number | undefined) ?? defaults.precision;
      const scale = (options.scale as number | undefined) ?? defaults.scale;
      const issues = scale > precision ? [{ path: '/options/scale', message: 'scale must not exceed precision' }] : [];
      return { options: { ...options, precision, scale }, issues };
    },
    columnType: (field: Field) => `numeric(${field.options.precision},${field.options.scale})`,
    valueSchema(field: Field): JsonSchema {
      const { precision, scale, min, max } = field.options as { precision: number; scale: number; min?: number; max?: number };
      const limit = 10 ** (precision - scale);
      const schema: JsonSchema = { type: 'number', exclusiveMaximum: limit, exclusiveMinimum: -limit };
      if (min !== undefined) schema.minimum = min;
      if (max !== undefined) schema.maximum = max;
      return schema;
    },
    kind: 'number',
    writable: true,
    searchable: false,
  };
}
