import { metadataSchemas } from '../metadata/schema-files';
import type { FieldTypeRegistry } from './registry';
import type { JsonSchema, ValueKind } from './types';

/** One field type as the designer sees it: its settings form comes from `settingsSchema`. */
export interface FieldTypeInfo {
  type: string;
  /** JSON Schema of the field's `options`, self-contained (shared schemas such as labels inlined). */
  settingsSchema: JsonSchema;
  kind: ValueKind;
  writable: boolean;
  stored: boolean;
  searchable: boolean;
}

const SHARED: Record<string, JsonSchema> = { 'label.schema.json': metadataSchemas.label, 'long-label.schema.json': metadataSchemas.longLabel };

/** Replaces `{"$ref": "label.schema.json"}` with the schema itself (without its $id), so a browser form needs no resolver. */
function inlineRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(inlineRefs);
  if (typeof node !== 'object' || node === null) return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && SHARED[ref]) {
    const { $schema: _s, $id: _i, ...rest } = SHARED[ref] as Record<string, unknown>;
    return inlineRefs(rest);
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inlineRefs(v)]));
}

/** Every type admins may choose (core and plugin types), in registration order. */
export function fieldTypeCatalogue(registry: FieldTypeRegistry): FieldTypeInfo[] {
  return registry.names().map((type) => {
    const def = registry.describe(type);
    return {
      type,
      settingsSchema: inlineRefs(def.settingsSchema) as JsonSchema,
      kind: def.kind,
      writable: def.writable,
      stored: def.stored !== false,
      searchable: def.searchable,
    };
  });
}
