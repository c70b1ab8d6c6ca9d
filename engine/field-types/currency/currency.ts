import { decimalType } from '../decimal';

/** Money: numeric, never floating point. */
export const currencyType = decimalType('currency', { precision: 18, scale: 2 });
