import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { quoteIdent } from '../db/knex';
import type { FieldTypeRegistry } from '../field-types/registry';
import { parseAutonumberFormat, type FormatPart } from '../field-types/autonumber/format';
import type { PicklistValue, Field, ObjectDef } from '../shared/metadata-types';
import { recordPayloadSchema, writableFields } from '../records/json-schema';
import type { JsonSchema } from '../field-types/types';
import { foreignKeyName, indexName } from '../schema-engine/names';
import { qualified } from '../schema-engine/column-ddl';
import { formulaColumns } from '../rules/formula-sql';
import type { Snapshot } from './snapshot';
import { picklistLabels, prepareValidationRules, type PreparedValidationRule } from '../records/validation-rules';
import { dependentFields } from '../records/dependent-values';
import { prepareFieldConditions, type PreparedConditions } from '../records/field-conditions';
import { compileRule, type CompiledRule } from '../shared/rules/interpreter';
import { isRuleDefault } from '../shared/metadata-types';

/** Everything a request needs about one object at one metadata version, built once. */
export interface CompiledObject {
  def: ObjectDef;
  /** The tenant schema the table lives in. */
  schema: string;
  table: string;
  fields: Map<string, Field>;
  writable: Map<string, Field>;
  createSchema: JsonSchema;
  updateSchema: JsonSchema;
  validateCreate: ValidateFunction;
  validateUpdate: ValidateFunction;
  /** `"col1", "col2", (formula) AS "f", ...` for every field, in field order. */
  selectList: string;
  /** SQL for a field's value: its column, or its formula's expression. */
  valueSql(name: string): string;
  /** One select-list item for a field. */
  selectItem(name: string): string;
  /** Fields whose DB value needs converting for the API. */
  converters: [string, (v: unknown) => unknown][];
  autonumbers: { field: Field; parts: FormatPart[] }[];
  searchable: Field[];
  defaults: [string, unknown][];
  /** Picklist fields with their inactive values (allowed only where already stored). */
  inactiveValues: Map<string, Set<string>>;
  /** Constraint or index name → the field it guards. */
  constraintField: Map<string, string>;
  /** Active validation rules, prepared for the interpreter. */
  validationRules: PreparedValidationRule[];
  /** Dependent picklists (fields with a controlling field). */
  dependents: Field[];
  /** requiredWhen / readOnlyWhen, prepared for the interpreter. */
  fieldConditions: { conditions: PreparedConditions[]; lookupPaths: string[] };
  /** Picklist labels per locale, for label_of in rules. */
  picklistLabels: Record<'en' | 'zh-CN', Record<string, Record<string, string>>>;
  /** Defaults computed by a json-logic rule at create time. */
  ruleDefaults: [string, CompiledRule][];
}

export function compileObject(schema: string, def: ObjectDef, registry: FieldTypeRegistry, ajv: Ajv2020, snapshot: Snapshot): CompiledObject {
  const formulas = formulaColumns(snapshot, registry, schema, def);
  const valueSql = (name: string) => formulas.get(name) ?? quoteIdent(name);
  const selectItem = (name: string) => (formulas.has(name) ? `${formulas.get(name)} AS ${quoteIdent(name)}` : quoteIdent(name));
  const fields = new Map(def.fields.map((f) => [f.name, f]));
  const writable = new Map(writableFields(def, registry).map((f) => [f.name, f]));
  const createSchema = recordPayloadSchema(def, registry, 'create');
  const updateSchema = recordPayloadSchema(def, registry, 'update');
  const constraintField = new Map<string, string>();
  for (const f of def.fields) {
    if (f.type === 'lookup') constraintField.set(foreignKeyName(def.name, f.name), f.name);
    constraintField.set(indexName(def.name, [f.name], true), f.name);
  }
  for (const ix of def.indexes) constraintField.set(indexName(def.name, ix.fields, ix.unique), ix.fields.map((x) => x.replace(/^-/, '')).join(','));
  const inactiveValues = new Map<string, Set<string>>();
  for (const f of def.fields) {
    if (f.type !== 'picklist' && f.type !== 'multipicklist') continue;
    const inactive = (f.options.values as PicklistValue[]).filter((v) => !v.active).map((v) => v.value);
    if (inactive.length) inactiveValues.set(f.name, new Set(inactive));
  }
  return {
    def,
    schema,
    table: qualified(schema, def.name),
    fields,
    writable,
    createSchema,
    updateSchema,
    validateCreate: ajv.compile(createSchema),
    validateUpdate: ajv.compile(updateSchema),
    selectList: def.fields.map((f) => selectItem(f.name)).join(', '),
    valueSql,
    selectItem,
    converters: def.fields.flatMap((f) => {
      const fromDb = registry.describe(f.type).fromDb;
      return fromDb ? [[f.name, fromDb] as [string, (v: unknown) => unknown]] : [];
    }),
    autonumbers: def.fields.filter((f) => f.type === 'autonumber').map((f) => ({ field: f, parts: parseAutonumberFormat(String(f.options.format)) as FormatPart[] })),
    searchable: def.fields.filter((f) => registry.describe(f.type).searchable),
    defaults: def.fields.filter((f) => f.defaultValue !== undefined && !isRuleDefault(f.defaultValue)).map((f) => [f.name, f.defaultValue]),
    inactiveValues,
    constraintField,
    validationRules: prepareValidationRules(snapshot, def, registry),
    dependents: dependentFields(def.fields),
    fieldConditions: prepareFieldConditions(snapshot, def, registry),
    picklistLabels: { en: picklistLabels(def, 'en'), 'zh-CN': picklistLabels(def, 'zh-CN') },
    ruleDefaults: def.fields.filter((f) => isRuleDefault(f.defaultValue)).map((f) => [f.name, compileRule(f.defaultValue)]),
  };
}
