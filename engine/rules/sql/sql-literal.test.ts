import { describe, expect, it } from 'vitest';
import { inlineLiterals, sqlLiteral } from './sql-literal';

describe('SQL literals for stored definitions', () => {
  it('writes constants safely', () => {
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral('why?')).toBe("'why\\?'");
    expect(sqlLiteral(-1.5)).toBe('(-1.5)');
    expect(sqlLiteral(true)).toBe('TRUE');
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(['a', "b'"])).toBe("ARRAY['a', 'b''']");
  });

  it('fills placeholders in order and leaves escaped question marks alone', () => {
    expect(inlineLiterals({ sql: "concat(?::text, 'x\\?', ?::numeric)", params: ['a?', 2] })).toBe("concat('a\\?'::text, 'x\\?', (2)::numeric)");
    expect(() => inlineLiterals({ sql: '? + ?', params: [1] })).toThrow();
    expect(() => inlineLiterals({ sql: '?', params: [{ ctx: '$now' }] })).toThrow();
  });
});
