import type { Field } from '../../shared/metadata-types';
import { COMPUTED_VALUE_SCHEMA, type ComputedKind } from '../computed-value';
import type { FieldTypeDef } from '../types';
import { resolveRollup } from './resolve-rollup';
import { ROLLUP_FUNCTIONS, rollupOptions } from './rollup-options';

const NAME = '[a-z][a-z0-9_]{0,62}';

/**
 * A summary (count, sum, min, max, avg) of the child records that point at
 * this record through a lookup, optionally filtered. Stored in a column and
 * kept right by triggers the schema engine puts on the child table; never
 * written through the API.
 */
export const rollupType: FieldTypeDef = {
  type: 'rollup',
  settingsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['relation', 'function'],
    properties: {
      relation: { type: 'string', pattern: `^${NAME}\\.${NAME}$`, description: '<child object>.<lookup field on the child that points at this object>' },
      function: { enum: [...ROLLUP_FUNCTIONS] },
      field: { type: 'string', pattern: `^${NAME}$`, description: 'the child field to summarize (not for count)' },
      filter: { type: ['object', 'boolean'], description: 'a json-logic filter over the child records' },
    },
  },
  normalizeOptions: resolveRollup,
  columnType: (field: Field) => rollupOptions(field).resolved.columnType,
  valueSchema: (field: Field) => COMPUTED_VALUE_SCHEMA[rollupOptions(field).resolved.kind as ComputedKind] ?? { type: 'number' },
  kind: 'number',
  kindOf: (field: Field) => rollupOptions(field).resolved.kind,
  writable: false,
  searchable: false,
};
