import type { Describe, FieldDef } from '../api/describe';
import type { Label } from '../i18n/i18n';

/** One section of a page layout: a fieldset with one or two columns. */
export interface LayoutSection {
  label: Label;
  columns: 1 | 2;
  fields: string[];
}

/** The page layout the describe carries (absent when the admin defined none). */
export interface FormLayout {
  sections: LayoutSection[];
  headerFields?: string[];
}

/** The describe as the form reads it: the object may carry a page layout. */
export type FormDescribe = Describe & { object: Describe['object'] & { layout?: FormLayout } };

/** Creating a record (POST) or editing one (PATCH with its version). */
export type FormMode = 'create' | 'update';

/** A field as the form places it: its definition and whether the user may ever type into it. */
export interface PlacedField {
  def: FieldDef;
  /** In the server's payload schema and editable under the user's access. */
  editable: boolean;
}

/** A section ready to render: localized later, fields resolved and filtered to what the user may read. */
export interface FormSection {
  key: string;
  label: Label;
  columns: 1 | 2;
  fields: string[];
}

/** Errors shown on the form: per field, and those that belong to no field (shown at the top). */
export interface FormErrors {
  fields: Record<string, string[]>;
  top: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, top: [] };
