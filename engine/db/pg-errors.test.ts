import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors';
import { translatePgError } from './pg-errors';

const fieldOf = (c: string | undefined) => (c === 'ux_account_abc' ? 'email' : undefined);

describe('PostgreSQL error translation', () => {
  it('maps SQLSTATEs from bad input to stable codes naming the field', () => {
    const unique = translatePgError({ code: '23505', constraint: 'ux_account_abc' }, fieldOf) as AppError;
    expect(unique).toBeInstanceOf(AppError);
    expect(unique.code).toBe('RECORD_NOT_UNIQUE');
    expect(unique.details).toMatchObject({ field: 'email', issues: [{ path: '/email', code: 'NOT_UNIQUE' }] });
    expect((translatePgError({ code: '23503' }) as AppError).code).toBe('RECORD_INVALID_REFERENCE');
    expect((translatePgError({ code: '23503' }, fieldOf, 'delete') as AppError).code).toBe('RECORD_IN_USE');
    expect((translatePgError({ code: '22001' }) as AppError).code).toBe('RECORD_VALIDATION_FAILED');
    expect((translatePgError({ code: '22003' }) as AppError).code).toBe('RECORD_VALIDATION_FAILED');
  });

  it('passes anything else through untouched (it becomes a 500)', () => {
    const e = { code: '42P01', message: 'relation does not exist' };
    expect(translatePgError(e)).toBe(e);
    const plain = new Error('boom');
    expect(translatePgError(plain)).toBe(plain);
  });
});
