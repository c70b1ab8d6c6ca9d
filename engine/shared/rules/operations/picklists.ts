/** Picklists: labels in the caller's locale, and multi-select membership. */
import { ruleEquals, type OperationTable, type RuleContext } from './values';

const own = (o: object | undefined, key: string) => o !== undefined && Object.prototype.hasOwnProperty.call(o, key);

/** label_of(value, "field"): the label from the context; an unknown value is its own label; null stays null. */
function labelOf([value, field]: unknown[], context: RuleContext | undefined): unknown {
  if (value === null || typeof value !== 'string' || typeof field !== 'string') return null;
  const labels = context?.picklistLabels;
  const ofField = labels && own(labels, field) ? labels[field] : undefined;
  const label = ofField && own(ofField, value) ? ofField[value] : undefined;
  return typeof label === 'string' ? label : value;
}

/** in_set(list, value): false when the list (or the value) is null. */
function inSet([list, value]: unknown[]): boolean {
  return Array.isArray(list) && value !== null && list.some((v) => ruleEquals(v, value));
}

export const picklistOperations = {
  label_of: labelOf,
  in_set: inSet,
} satisfies OperationTable;
