import type { ConversionTargetSummary } from '../../../engine/shared/api/conversion';
import type { Describe } from '../api/describe';

/** The object's conversion in describe (the server sends it; the shared Describe type leaves it out). */
export interface ConversionDef {
  targets: ConversionTargetSummary[];
  source: { readOnly: boolean; links: Record<string, string> };
}

export const conversionOf = (d: Describe): ConversionDef | undefined => (d.object as Describe['object'] & { conversion?: ConversionDef }).conversion;

export const convertPath = (object: string, id: string) => `/records/${encodeURIComponent(object)}/${encodeURIComponent(id)}/convert`;
