import { fixedStringType } from '../string-type';

/** Web addresses; only http(s), so a stored link can never run script. */
export const urlType = fixedStringType('url', 2048, { format: 'uri', pattern: '^https?://' });
