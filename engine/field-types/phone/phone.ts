import { fixedStringType } from '../string-type';

/** Phone numbers as typed by people: digits, spaces, +, -, dots, parentheses, optional extension. */
export const phoneType = fixedStringType('phone', 40, { pattern: '^\\+?[0-9][0-9 ().\\-]{1,30}([ ]?(x|ext\\.?|转)[ ]?[0-9]{1,6})?$' });
