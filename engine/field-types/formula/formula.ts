import type { Field } from '../../shared/metadata-types';
import { COMPUTED_VALUE_SCHEMA, type ComputedKind } from '../computed-value';
import type { FieldTypeDef } from '../types';

const FORMULA_RETURNS = ['number', 'string', 'boolean', 'date', 'datetime'] as const satisfies readonly ComputedKind[];
type FormulaReturns = (typeof FORMULA_RETURNS)[number];

const returnsOf = (field: Field) => field.options.returns as FormulaReturns;

/**
 * A value computed from the record by a json-logic expression, in SQL at read
 * time (so it can be filtered, sorted and reported on) and by the shared
 * interpreter in forms. No column; never written.
 */
export const formulaType: FieldTypeDef = {
  type: 'formula',
  settingsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['expression', 'returns'],
    properties: {
      expression: { description: 'a json-logic expression over the record’s fields' },
      returns: { enum: [...FORMULA_RETURNS] },
    },
  },
  normalizeOptions: (options) => ({ options, issues: [] }),
  columnType: () => {
    throw new Error('formula fields have no column');
  },
  valueSchema: (field: Field) => COMPUTED_VALUE_SCHEMA[returnsOf(field)],
  kind: 'number',
  kindOf: returnsOf,
  writable: false,
  searchable: false,
  stored: false,
};
