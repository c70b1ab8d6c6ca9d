import type { Field } from '../../shared/metadata-types';
import type { FieldTypeDef, JsonSchema, ValueKind } from '../types';

export const FORMULA_RETURNS = ['number', 'string', 'boolean', 'date', 'datetime'] as const;
export type FormulaReturns = (typeof FORMULA_RETURNS)[number];

const VALUE_SCHEMA: Record<FormulaReturns, JsonSchema> = {
  number: { type: 'number' },
  string: { type: 'string' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
};

const KIND: Record<FormulaReturns, ValueKind> = { number: 'number', string: 'string', boolean: 'boolean', date: 'date', datetime: 'datetime' };

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
  valueSchema: (field: Field) => VALUE_SCHEMA[field.options.returns as FormulaReturns],
  kind: 'number',
  kindOf: (field: Field) => KIND[field.options.returns as FormulaReturns],
  writable: false,
  searchable: false,
  stored: false,
};
