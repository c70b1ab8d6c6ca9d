import { allowedValues, picklistSettingsSchema, resolvePicklistOptions } from '../picklist-values';
import type { FieldTypeDef } from '../types';

/** Several values from a list, stored as text[]. */
export const multipicklistType: FieldTypeDef = {
  type: 'multipicklist',
  settingsSchema: picklistSettingsSchema,
  normalizeOptions: resolvePicklistOptions,
  columnType: () => 'text[]',
  valueSchema: (field, mode) => ({ type: 'array', uniqueItems: true, maxItems: 1000, items: { type: 'string', enum: allowedValues(field.options, mode) } }),
  kind: 'array',
  writable: true,
  searchable: false,
};
