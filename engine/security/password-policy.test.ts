import { describe, expect, it } from 'vitest';
import { passwordIssues, type PasswordOwner } from './password-policy';

const owner = { email: 'li.na@example.cn', displayName: 'Li Na' };
const codes = (password: string, who: PasswordOwner = owner) => passwordIssues(password, who).map((i) => i.code);

describe('password policy', () => {
  it('accepts passwords that mix kinds, and long passphrases', () => {
    expect(passwordIssues('correct-horse-battery', owner)).toEqual([]);
    expect(codes('Tr0ub4dor')).toEqual([]);
    expect(codes('summer 2031')).toEqual([]);
    expect(codes('correcthorsebatterystaple')).toEqual([]); // letters only, but a passphrase
    expect(codes('密码安全很重要2031')).toEqual([]);
    expect(codes(`a1${'x'.repeat(1022)}`)).toEqual([]); // exactly 1024
  });

  it('refuses a password shorter than 8 characters (counting characters, not UTF-16 units)', () => {
    expect(passwordIssues('ab1!', owner)).toEqual([{ path: '/password', code: 'PASSWORD_TOO_SHORT', message: 'a password has at least 8 characters' }]);
    expect(codes('😀😀😀a1!')).toEqual(['PASSWORD_TOO_SHORT']);
  });

  it('refuses a password longer than 1024 characters', () => {
    expect(codes(`a1${'x'.repeat(1023)}`)).toEqual(['PASSWORD_TOO_LONG']);
  });

  it('refuses a password containing the email name or a display name part, case-insensitively', () => {
    expect(codes('xx-LI.NA-2031')).toEqual(['PASSWORD_CONTAINS_NAME']);
    expect(codes('zhang-2031', { email: 'zhang@example.cn' })).toEqual(['PASSWORD_CONTAINS_NAME']);
    expect(codes('Hello-wei-2031', { email: 'w@example.cn', displayName: 'Wei Zhang' })).toEqual(['PASSWORD_CONTAINS_NAME']);
    // very short names are not refused as substrings
    expect(codes('lina-2031', { email: 'li@example.cn', displayName: 'Li' })).toEqual([]);
  });

  it('refuses one kind of character only, unless it is a passphrase', () => {
    expect(codes('abcdefghij')).toEqual(['PASSWORD_TOO_SIMPLE']);
    expect(codes('9876543210')).toEqual(['PASSWORD_TOO_SIMPLE']);
    expect(codes('!@#$%^&*()')).toEqual(['PASSWORD_TOO_SIMPLE']);
    expect(codes('1234567890123456')).toEqual(['PASSWORD_TOO_SIMPLE']); // long but no letters
    expect(codes('aaaabbbbaaaabbbbaaaa')).toEqual(['PASSWORD_TOO_SIMPLE']); // long but repetitive
  });

  it('refuses the most common passwords, whatever the case', () => {
    expect(codes('Password123')).toEqual(['PASSWORD_TOO_COMMON']);
    expect(codes('P@ssw0rd')).toEqual(['PASSWORD_TOO_COMMON']);
  });

  it('reports every rule that fails at once', () => {
    expect(codes('lina.na1', { email: 'lina@x.cn' })).toEqual(['PASSWORD_CONTAINS_NAME']);
    expect(codes('adminadmin', { email: 'admin@x.cn' })).toEqual(['PASSWORD_CONTAINS_NAME', 'PASSWORD_TOO_SIMPLE']);
    expect(codes('admin123', { email: 'admin@x.cn' })).toEqual(['PASSWORD_CONTAINS_NAME', 'PASSWORD_TOO_COMMON']);
  });
});
