import type { WebForm, WebFormField } from '../shared/api/web-forms';
import type { Label, Locale } from '../shared/metadata-types';

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
