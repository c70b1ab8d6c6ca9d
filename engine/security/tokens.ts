import { createHash, randomBytes } from 'node:crypto';

/** Prefix that tells API tokens from session tokens. */
export const API_TOKEN_PREFIX = 'tsk_';

export const newSessionToken = () => randomBytes(32).toString('base64url');
export const newApiToken = () => `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

/** Only hashes are stored; a database leak does not leak usable tokens. */
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
