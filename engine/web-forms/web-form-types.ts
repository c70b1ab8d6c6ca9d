import type { Label, Locale } from '../shared/metadata-types';

/** One field on a web form, in the order the form shows it. */
export interface WebFormField {
  /** A field of the form's object. */
  field: string;
  /** The submitter must fill it in (always true for fields the object requires without a default). */
  required: boolean;
  /** Overrides the field's label on the form, per locale. */
  label?: Partial<Record<Locale, string>>;
}

/** A web-to-lead form as the admin API answers it (the key itself is never stored, only its hash). */
export interface WebForm {
  id: string;
  name: string;
  object: string;
  fields: WebFormField[];
  /** Who owns the records a submission creates before assignment rules run; the records are created as this user. */
  ownerId: string;
  /** Where a browser goes after a successful submission; without one it sees a thank-you page. */
  successUrl: string | null;
  active: boolean;
  /** Records created through the form. */
  submissions: number;
  /** Submissions dropped because the honeypot field was filled. */
  spam: number;
  /** The name of the hidden trap input, chosen not to be a field of the object. */
  honeypot: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** What an admin writes when creating or changing a form (validated into WebFormInput). */
export interface WebFormInput {
  name: string;
  object: string;
  fields: WebFormField[];
  ownerId: string;
  successUrl: string | null;
  active: boolean;
}

/** A form with its object and owner, as the public endpoint needs it. */
export interface PublicWebForm extends WebForm {
  tenantId: string;
  schema: string;
  keyHash: string;
  ownerActive: boolean;
  ownerIsAdmin: boolean;
}

/** The label a form shows for one of its fields: the override, else the field's own label. */
export const formLabel = (f: WebFormField, fieldLabel: Label, locale: Locale): string => f.label?.[locale] ?? f.label?.en ?? f.label?.['zh-CN'] ?? fieldLabel[locale];
