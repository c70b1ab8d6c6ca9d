import { decimalType } from '../decimal';

/** A percentage in percent units (12.5 means 12.5 %). */
export const percentType = decimalType('percent', { precision: 9, scale: 4 });
