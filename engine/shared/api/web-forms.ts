import type { Locale } from '../metadata-types';

/** One field on a web form, in the order the form shows it. */
export interface WebFormField {
  /** A field of the form's object. */
  field: string;
  /** The submitter must fill it in (always true for fields the object requires without a default). */
  required: boolean;
  /** Overrides the field's label on the form, per locale. */
  label?: Partial<Record<Locale, string>>;
}

/** A form's settings, as an admin writes them (POST, PATCH /api/v1/admin/web-forms) once validated. */
export interface WebFormInput {
  name: string;
  object: string;
  fields: WebFormField[];
  /** Who owns the records a submission creates before assignment rules run; the records are created as this user. */
  ownerId: string;
  /** Where a browser goes after a successful submission; without one it sees a thank-you page. */
  successUrl: string | null;
  active: boolean;
}

/**
 * A web-to-lead form as /api/v1/admin/web-forms answers it (GET list under
 * `webForms`, GET/PATCH /:id). The key itself is never stored, only its hash.
 */
export interface WebForm extends WebFormInput {
  id: string;
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

/** POST /api/v1/admin/web-forms and POST …/:id/rotate-key: the form with its new key, shown this once. */
export interface WebFormWithKey extends WebForm {
  key: string;
}

/** GET /api/v1/admin/web-forms/:id/html: the embeddable form and where it posts. */
export interface WebFormHtml {
  html: string;
  action: string;
  locale: Locale;
  /** Whether the key (sent as `?key=`) is written into the HTML. */
  keyIncluded: boolean;
}
