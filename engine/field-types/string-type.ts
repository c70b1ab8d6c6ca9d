import type { Field } from '../shared/metadata-types';
import type { FieldTypeDef, JsonSchema } from './types';

const noSettings = { type: 'object', additionalProperties: false, properties: {} };

/** Shared by the fixed-format string types (email, phone, url). */
export function fixedStringType(type: string, maxLength: number, format: JsonSchema): FieldTypeDef {
  return {
    type,
    settingsSchema: noSettings,
    normalizeOptions: (options) => ({ options, issues: [] }),
    columnType: () => `varchar(${maxLength})`,
    valueSchema: (_field: Field) => ({ type: 'string', maxLength, ...format }),
    kind: 'string',
    writable: true,
    searchable: true,
  };
}
