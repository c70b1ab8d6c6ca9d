import { useApi } from '../../../runtime-ui/src/api/use-api';
import type { JsonSchema } from './json-schema';

/** One field type as GET /metadata/field-types answers it (core and plugin types alike). */
export interface FieldTypeInfo {
  type: string;
  /** JSON Schema of the field's `options`; the settings form is generated from it. */
  settingsSchema: JsonSchema;
  kind: 'string' | 'number' | 'boolean' | 'date' | 'datetime' | 'uuid' | 'array';
  /** False for computed types (autonumber, formula, roll-up): no default value. */
  writable: boolean;
  stored: boolean;
  searchable: boolean;
}

/** Every field type admins may choose, asked once per editor. */
export const useFieldTypes = () => useApi<{ fieldTypes: FieldTypeInfo[] }>('/metadata/field-types');
