import type { PageLayout } from '../api/describe';
import type { Label } from '../i18n/i18n';

/** A related list on the record page: records of `object` whose lookup `field` points at this record. */
export type RelatedListSpec = NonNullable<PageLayout['relatedLists']>[number];

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
