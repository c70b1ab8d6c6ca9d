import type { FieldDef } from '../api/describe';
import type { Label } from '../i18n/i18n';

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
