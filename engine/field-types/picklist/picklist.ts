import { allowedValues, picklistSettingsSchema, resolvePicklistOptions } from '../picklist-values';
import type { FieldTypeDef } from '../types';

/** One value from a list; inactive values remain valid on records that already hold them. */
export const picklistType: FieldTypeDef = {
  type: 'picklist',
  settingsSchema: picklistSettingsSchema,
  normalizeOptions: resolvePicklistOptions,
  columnType: () => 'varchar(100)',
  valueSchema: (field, mode) => ({ type: 'string', enum: allowedValues(field.options, mode) }),
  kind: 'string',
  writable: true,
  searchable: false,
};
