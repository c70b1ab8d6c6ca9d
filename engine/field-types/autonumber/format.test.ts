import { describe, expect, it } from 'vitest';
import { formatAutonumber, parseAutonumberFormat } from './format';
import { autonumberSqlExpression } from '../../schema-engine/autonumber-sql';

describe('autonumber format', () => {
  const at = new Date('2026-03-09T12:00:00Z');

  it('formats literal text, dates and a zero-padded counter', () => {
    const parts = parseAutonumberFormat('ACC-{YYYY}{MM}{DD}-{0000}');
    expect(typeof parts).not.toBe('string');
    expect(formatAutonumber(parts as never, 42, at)).toBe('ACC-20260309-0042');
    expect(formatAutonumber(parts as never, 123456, at)).toBe('ACC-20260309-123456');
  });

  it('refuses formats without exactly one counter, unknown tokens and SQL-significant characters', () => {
    expect(parseAutonumberFormat('ACC-{YYYY}')).toMatch(/exactly one counter/);
    expect(parseAutonumberFormat('{000}-{00}')).toMatch(/exactly one counter/);
    expect(parseAutonumberFormat('A-{XYZ}-{000}')).toMatch(/unknown/);
    expect(parseAutonumberFormat('A?{000}')).toMatch(/may not contain/);
  });

  it('compiles to a SQL expression that never truncates a long counter', () => {
    expect(autonumberSqlExpression("O'K-{0000}", 'n.value')).toBe(
      "('O''K-' || (CASE WHEN length((n.value)::text) >= 4 THEN (n.value)::text ELSE lpad((n.value)::text, 4, '0') END))",
    );
  });
});
