import { decimalType } from '../decimal';

/** Decimal numbers: numeric(precision, scale). */
export const numberType = decimalType('number', { precision: 18, scale: 2 });
