import { fixedStringType } from '../string-type';

export const emailType = fixedStringType('email', 254, { format: 'email' });
