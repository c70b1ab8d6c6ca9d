import type { Describe, FieldDef } from '../api/describe';
import type { Label } from '../i18n/i18n';

/** A related list on the record page: records of `object` whose lookup `field` points at this record. */
export interface RelatedListSpec {
  object: string;
  field: string;
  label?: Label;
  columns?: string[];
}

/** How the record page lays an object out (describe's `object.layout`, or one generated from the fields). */
export interface PageLayout {
  sections: { label: Label; columns: 1 | 2; fields: string[] }[];
  headerFields: string[];
  relatedLists?: RelatedListSpec[];
}

/** The describe as the record page reads it: the object may carry a page layout. */
export type RecordDescribe = Describe & { object: Describe['object'] & { layout?: PageLayout } };

/** An object definition as written (GET /metadata/objects): only what discovery needs. */
export interface RawObject {
  name: string;
  label?: Label;
  pluralLabel?: Label;
  fields: { name: string; type: string; label?: Label; required?: boolean; options?: Record<string, unknown> }[];
}

/** An object whose records show on this record's activity timeline, ordered by `dateField`. */
export interface TimelineSource {
  object: string;
  /** Its lookups to this object (a record appears when any of them points here). */
  lookups: string[];
  dateField: string;
}

/** A reference to a record of some object, for name look-ups. */
export interface RecordRef {
  object: string;
  id: string;
}

/** Field definitions by name. */
export type FieldMap = Map<string, FieldDef>;
