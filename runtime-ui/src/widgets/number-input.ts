/**
 * Reads what a person typed into a number field: grouping separators,
 * spaces, currency symbols and a trailing % are ignored. Empty → undefined;
 * text that is not a number comes back unchanged, so the schema check flags it
 * instead of the value silently vanishing.
 */
export function parseNumberInput(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const plain = trimmed.replace(/[\s,_]/g, '').replace(/^(?:[A-Z]{0,3}[$¥€£]|[$¥€£])/, '').replace(/%$/, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain)) return text;
  const n = Number(plain);
  return Number.isFinite(n) ? n : text;
}

/** The text to put back into the input when it gets focus: the raw number, no grouping. */
export const editableNumber = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
