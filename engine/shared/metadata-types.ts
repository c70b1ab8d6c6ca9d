/**
 * Metadata shapes shared by the engine and the browser apps.
 * Raw* types are what admins and packs write; the others are normalized
 * (labels resolved to per-locale maps, defaults filled in).
 */

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** A label as written: a plain string or one string per locale. */
export type RawLabel = string | Partial<Record<Locale, string>>;
/** A normalized label: every locale present. */
export type Label = Record<Locale, string>;

export const CORE_FIELD_TYPES = [
  'text', 'textarea', 'integer', 'number', 'currency', 'percent', 'boolean',
  'date', 'datetime', 'email', 'phone', 'url', 'picklist', 'multipicklist',
  'lookup', 'autonumber', 'formula', 'rollup',
] as const;
export type CoreFieldType = (typeof CORE_FIELD_TYPES)[number];

/** One value of a picklist. Deactivated values stay readable on old records. */
export interface PicklistValue {
  value: string;
  label: Label;
  active: boolean;
  probability?: number;
  color?: string;
}

export interface RawPicklistValue {
  value: string;
  label: RawLabel;
  active?: boolean;
  probability?: number;
  color?: string;
}

export interface RawValueSet {
  name: string;
  label: RawLabel;
  values: RawPicklistValue[];
}

export interface ValueSet {
  name: string;
  label: Label;
  values: PicklistValue[];
}

export interface RawField {
  name: string;
  type: string;
  label: RawLabel;
  helpText?: RawLabel;
  required?: boolean;
  unique?: boolean;
  indexed?: boolean;
  defaultValue?: unknown;
  options?: Record<string, unknown>;
  visibleWhen?: unknown;
  requiredWhen?: unknown;
  readOnlyWhen?: unknown;
  /** false: changes to this field are not kept in the audit trail (large text). */
  audit?: boolean;
}

export interface Field {
  name: string;
  type: string;
  label: Label;
  helpText?: Label;
  required: boolean;
  unique: boolean;
  indexed: boolean;
  defaultValue?: unknown;
  /** Type settings with the type's defaults filled in. */
  options: Record<string, unknown>;
  /** True for id, name, owner_id and the audit columns. */
  system: boolean;
  /** json-logic conditions: shown / required / read-only when truthy. */
  visibleWhen?: unknown;
  requiredWhen?: unknown;
  readOnlyWhen?: unknown;
  /** Whether changes are kept in the audit trail (default true). */
  audit: boolean;
}

/** Field conditions, by the property that holds them. */
export const FIELD_CONDITIONS = ['visibleWhen', 'requiredWhen', 'readOnlyWhen'] as const;
export type FieldCondition = (typeof FIELD_CONDITIONS)[number];

/** A default value that is a json-logic rule rather than a literal (no field type has object values). */
export const isRuleDefault = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A condition that refuses a save when true, with the message users see. */
export interface RawValidationRule {
  name: string;
  condition: unknown;
  message: RawLabel;
  errorField?: string;
  active?: boolean;
}

export interface ValidationRule {
  name: string;
  condition: unknown;
  message: Label;
  errorField?: string;
  active: boolean;
}

/** Who may use a list view: its owner, or everyone / the listed roles. */
export type ListViewVisibility = { type: 'personal'; owner: string } | { type: 'shared'; roles?: string[] };

/** A saved list: filter, columns and sort, by name. */
export interface ListView {
  name: string;
  label: RawLabel;
  filter?: unknown;
  columns?: string[];
  sort?: string[];
  visibility?: ListViewVisibility;
}

/** Organisation-wide default access to records of an object that a user does not own. */
export const SHARING_MODELS = ['private', 'publicRead', 'publicReadWrite'] as const;
export type SharingModel = (typeof SHARING_MODELS)[number];

/** How the record page and form lay an object out: sections of fields, key fields in the header, related lists. */
export interface RawPageLayout {
  sections: { label: RawLabel; columns?: 1 | 2; fields: string[] }[];
  /** Key fields shown in the record page's header (default: the first few of the first section). */
  headerFields?: string[];
  /** Records of another object that point here through one of its lookups (default: every such lookup). */
  relatedLists?: { object: string; field: string; label?: RawLabel; columns?: string[] }[];
}

export interface PageLayout {
  sections: { label: Label; columns: 1 | 2; fields: string[] }[];
  headerFields: string[];
  relatedLists?: { object: string; field: string; label?: Label; columns?: string[] }[];
}

export interface RawIndex {
  fields: string[];
  unique?: boolean;
}

/**
 * How records of an object convert into records of other objects (lead →
 * account, contact, opportunity). Lives on the source object.
 */
export interface RawConversion {
  targets: RawConversionTarget[];
  /** What happens to the source record: values set (json-logic over the source, or literals), lookups pointing at each target, read-only afterwards. */
  source?: { set?: Record<string, unknown>; links?: Record<string, string>; readOnly?: boolean };
}

export interface RawConversionTarget {
  /** Names this target in links and requests ("account"); unique within the conversion. */
  key: string;
  object: string;
  label?: RawLabel;
  /** The user may skip it (e.g. the opportunity). */
  optional?: boolean;
  /** The user may attach an existing record instead of creating one (suggested by the duplicate rules). */
  allowExisting?: boolean;
  /** Target field → json-logic over the source record (`{"var": "company"}`) or a literal. */
  fields: Record<string, unknown>;
  /** Target lookup field → the key of another target it points at (contact.account → the account). */
  links?: Record<string, string>;
}

export interface Conversion {
  targets: (Omit<RawConversionTarget, 'label' | 'optional' | 'allowExisting' | 'links'> & { label: Label; optional: boolean; allowExisting: boolean; links: Record<string, string> })[];
  source: { set: Record<string, unknown>; links: Record<string, string>; readOnly: boolean };
}

/** How a duplicate rule compares one field. */
export const MATCH_METHODS = ['exact', 'normalized', 'phone', 'company', 'fuzzy'] as const;
export type MatchMethod = (typeof MATCH_METHODS)[number];

/** Records match when every condition matches; a block rule refuses the save, a warn rule asks the user. */
export interface RawDuplicateRule {
  name: string;
  label?: RawLabel;
  active?: boolean;
  action: 'block' | 'warn';
  conditions: { field: string; method: MatchMethod; threshold?: number }[];
}

export interface DuplicateRule {
  name: string;
  label: Label;
  active: boolean;
  action: 'block' | 'warn';
  /** `threshold` is filled in for fuzzy conditions (default 0.6). */
  conditions: { field: string; method: MatchMethod; threshold?: number }[];
}

/** Who a matching record goes to: a user, the next member of a role or list in turn, or a user per value of a field. */
export type AssignTo =
  | { type: 'user'; user: string }
  | { type: 'roundRobin'; role?: string; users?: string[] }
  | { type: 'territory'; field: string; map: Record<string, string>; fallback?: string };

/** An ordered entry: the first active rule whose criteria hold assigns the owner. Users are named by id or e-mail. */
export interface RawAssignmentRule {
  name: string;
  active?: boolean;
  criteria?: unknown;
  assignTo: AssignTo;
}

export interface AssignmentRule {
  name: string;
  active: boolean;
  criteria?: unknown;
  assignTo: AssignTo;
}

export interface RawObjectDef {
  name: string;
  label: RawLabel;
  pluralLabel?: RawLabel;
  description?: RawLabel;
  nameField?: { label?: RawLabel; type?: 'text' | 'autonumber'; format?: string; maxLength?: number };
  fields: RawField[];
  indexes?: RawIndex[];
  validationRules?: RawValidationRule[];
  listViews?: ListView[];
  /** Organisation-wide default (default publicReadWrite). */
  sharing?: SharingModel;
  /** The page layout; without one the UI generates a sensible layout. */
  layout?: RawPageLayout;
  /** Conversion of these records into others (leads). */
  conversion?: RawConversion;
  duplicateRules?: RawDuplicateRule[];
  assignmentRules?: RawAssignmentRule[];
}

/** A normalized object: system fields first, then the admin's fields. */
export interface ObjectDef {
  name: string;
  label: Label;
  pluralLabel: Label;
  description?: Label;
  fields: Field[];
  indexes: { fields: string[]; unique: boolean }[];
  validationRules: ValidationRule[];
  listViews: ListView[];
  sharing: SharingModel;
  layout?: PageLayout;
  conversion?: Conversion;
  duplicateRules: DuplicateRule[];
  assignmentRules: AssignmentRule[];
}

/** Everything a tenant has defined at one metadata version, as written. */
export interface RawSnapshot {
  objects: Record<string, RawObjectDef>;
  valueSets: Record<string, RawValueSet>;
}
