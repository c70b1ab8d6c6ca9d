import type { Describe } from '../api/describe';
import type { Label } from '../i18n/i18n';

/** One target of an object's conversion, as describe gives it. */
export interface ConversionTargetDef {
  key: string;
  object: string;
  label: Label;
  optional: boolean;
  allowExisting: boolean;
  links: Record<string, string>;
}

/** The object's conversion in describe (the server sends it; the shared Describe type leaves it out). */
export interface ConversionDef {
  targets: ConversionTargetDef[];
  source: { readOnly: boolean; links: Record<string, string> };
}

export const conversionOf = (d: Describe): ConversionDef | undefined => (d.object as Describe['object'] & { conversion?: ConversionDef }).conversion;

/** What a target became. */
export interface ConvertedTarget {
  object: string;
  id: string;
  created: boolean;
}

/** A duplicate rule's matches, offered as existing records to attach. */
export interface Suggestion {
  rule: string;
  label: string;
  action: 'block' | 'warn';
  records: { id: string; name: string }[];
}

/** GET /records/:object/:id/convert. */
export interface ConversionPreview {
  object: string;
  id: string;
  version: number;
  readOnly: boolean;
  converted: { targets: Record<string, ConvertedTarget>; convertedBy: string; convertedAt: string } | null;
  targets: (ConversionTargetDef & { fields: string[]; values: Record<string, unknown>; suggestions: Suggestion[] })[];
}

/** What the user chose for one target. */
export type TargetChoice = { action: 'create'; values: Record<string, unknown> } | { action: 'existing'; id: string } | { action: 'skip' };

export const convertPath = (object: string, id: string) => `/records/${encodeURIComponent(object)}/${encodeURIComponent(id)}/convert`;
