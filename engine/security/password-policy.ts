import { MIN_PASSWORD_LENGTH } from '../core/config';
import type { Issue } from '../core/errors';

/** The longest password accepted (argon2 hashes anything, but requests stay bounded). */
export const MAX_PASSWORD_LENGTH = 1024;

/** From this length on, a password with letters and at least 8 different characters needs no mix of kinds. */
export const PASSPHRASE_LENGTH = 16;

/** Whose password it is: it must not contain their own name. */
export interface PasswordOwner {
  email: string;
  displayName?: string;
}

/** The most used passwords (lower case) that still pass the length and mix rules. */
const COMMON_PASSWORDS = new Set([
  'password1', 'password12', 'password123', 'password1234', 'password!', 'password1!', 'p@ssw0rd', 'p@ssword', 'passw0rd', 'pa$$w0rd',
  'qwerty123', 'qwerty1234', 'qwerty12345', 'qwertyuiop1', '1q2w3e4r', '1q2w3e4r5t', '1qaz2wsx', 'zaq12wsx', 'q1w2e3r4', 'abc12345',
  'abcd1234', 'iloveyou1', 'welcome1', 'welcome123', 'letmein1', 'letmein123', 'admin123', 'admin1234', 'administrator1', 'changeme1',
  'changeme123', 'trustno1', 'monkey123', 'dragon123', 'football1', 'baseball1', 'sunshine1', 'princess1', 'superman1', 'master123',
  'secret123', 'test1234', 'test12345', 'a1b2c3d4', 'aa123456', 'asdf1234', 'zxcvbnm1', 'woaini1314', 'qq123456', 'abc123456',
  'a123456789', 'pass1234', 'login123', 'hello123', 'summer2024', 'winter2024', 'spring2024', 'autumn2024', 'tessera1', 'tessera123',
]);

/** Letters, digits and everything else (symbols, spaces, punctuation). */
function kindsOfCharacters(password: string): number {
  const letters = /\p{L}/u.test(password);
  const digits = /\p{N}/u.test(password);
  const others = /[^\p{L}\p{N}]/u.test(password);
  return Number(letters) + Number(digits) + Number(others);
}

/** Long, with letters and enough different characters: strong without a mix ("correct horse battery staple"). */
const isPassphrase = (password: string, length: number) => length >= PASSPHRASE_LENGTH && /\p{L}/u.test(password) && new Set(password).size >= 8;

/** Names shorter than this are too common as substrings to refuse ("li", "a"). */
const MIN_NAME_PART = 3;

function containsOwnName(password: string, owner: PasswordOwner): boolean {
  const lower = password.toLowerCase();
  const local = owner.email.split('@')[0]!.toLowerCase();
  const names = [local, ...(owner.displayName ? owner.displayName.toLowerCase().split(/\s+/) : [])];
  return names.some((n) => n.length >= MIN_NAME_PART && lower.includes(n));
}

/** Why a new password is refused; empty when it is acceptable. `path` names the field in issues. */
export function passwordIssues(password: string, owner: PasswordOwner, path = '/password'): Issue[] {
  const issue = (code: string, message: string): Issue => ({ path, code, message });
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return [issue('PASSWORD_TOO_SHORT', `a password has at least ${MIN_PASSWORD_LENGTH} characters`)];
  if (password.length > MAX_PASSWORD_LENGTH) return [issue('PASSWORD_TOO_LONG', `a password has at most ${MAX_PASSWORD_LENGTH} characters`)];
  const issues: Issue[] = [];
  if (containsOwnName(password, owner)) issues.push(issue('PASSWORD_CONTAINS_NAME', 'a password must not contain your email name or display name'));
  if (kindsOfCharacters(password) < 2 && !isPassphrase(password, length)) {
    issues.push(issue('PASSWORD_TOO_SIMPLE', `mix at least two of letters, digits and symbols (or use a passphrase of ${PASSPHRASE_LENGTH} characters or more)`));
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase())) issues.push(issue('PASSWORD_TOO_COMMON', 'this password is one of the most used ones'));
  return issues;
}
