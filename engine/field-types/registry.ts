import type { CoreFieldType } from '../shared/metadata-types';
import { autonumberType } from './autonumber/autonumber';
import { booleanType } from './boolean/boolean';
import { currencyType } from './currency/currency';
import { dateType } from './date/date';
import { datetimeType } from './datetime/datetime';
import { emailType } from './email/email';
import { formulaType } from './formula/formula';
import { integerType } from './integer/integer';
import { lookupType } from './lookup/lookup';
import { multipicklistType } from './multipicklist/multipicklist';
import { numberType } from './number/number';
import { percentType } from './percent/percent';
import { phoneType } from './phone/phone';
import { picklistType } from './picklist/picklist';
import { rollupType } from './rollup/rollup';
import { textType } from './text/text';
import { textareaType } from './textarea/textarea';
import { systemFieldTypes } from './system-types';
import type { Field } from '../shared/metadata-types';
import type { FieldTypeDef, ValueKind } from './types';
import { urlType } from './url/url';

/** The core types; a missing entry is a compile error. */
export const coreFieldTypes: Record<CoreFieldType, FieldTypeDef> = {
  text: textType,
  textarea: textareaType,
  integer: integerType,
  number: numberType,
  currency: currencyType,
  percent: percentType,
  boolean: booleanType,
  date: dateType,
  datetime: datetimeType,
  email: emailType,
  phone: phoneType,
  url: urlType,
  picklist: picklistType,
  multipicklist: multipicklistType,
  lookup: lookupType,
  autonumber: autonumberType,
  formula: formulaType,
  rollup: rollupType,
};

/** Core types plus those plugins register. */
export class FieldTypeRegistry {
  private readonly types = new Map<string, FieldTypeDef>(Object.entries(coreFieldTypes));

  register(def: FieldTypeDef): void {
    if (this.types.has(def.type)) throw new Error(`field type "${def.type}" is already registered`);
    this.types.set(def.type, def);
  }

  /** A type admins may choose (core or plugin). */
  get(type: string): FieldTypeDef | undefined {
    return this.types.get(type);
  }

  /** Any type a normalized field may carry, system types included. */
  describe(type: string): FieldTypeDef {
    const def = this.types.get(type) ?? (systemFieldTypes as Record<string, FieldTypeDef>)[type];
    if (!def) throw new Error(`unknown field type "${type}"`);
    return def;
  }

  names(): string[] {
    return [...this.types.keys()];
  }
}

/** A field's value kind, asking the type when it depends on the field's settings. */
export function valueKindOf(registry: FieldTypeRegistry, field: Field): ValueKind {
  const def = registry.describe(field.type);
  return def.kindOf ? def.kindOf(field) : def.kind;
}
