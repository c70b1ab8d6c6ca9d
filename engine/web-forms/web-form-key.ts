import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Hidden input (and JSON property) carrying the form's key; field names never start with "_". */
export const KEY_INPUT = '_form_key';
/** The key may also come in this header (JSON clients). */
export const KEY_HEADER = 'x-web-form-key';

/** A new random key: shown to the admin once, stored only as its hash. */
export const newFormKey = (): string => `wfk_${randomBytes(24).toString('base64url')}`;

export const formKeyHash = (key: string): string => createHash('sha256').update(key).digest('hex');

/** Whether `sent` is the key whose hash is stored (constant time). */
export function formKeyMatches(sent: unknown, keyHash: string): boolean {
  if (typeof sent !== 'string' || !sent || sent.length > 200) return false;
  const a = Buffer.from(formKeyHash(sent), 'hex');
  const b = Buffer.from(keyHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
