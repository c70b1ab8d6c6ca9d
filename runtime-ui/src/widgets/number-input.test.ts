import { describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso } from './datetime-input';
import { editableNumber, parseNumberInput } from './number-input';

describe('number input', () => {
  it('reads numbers as people type them: grouping, currency symbols, a percent sign', () => {
    expect(parseNumberInput('1,234.5')).toBe(1234.5);
    expect(parseNumberInput(' $1,000 ')).toBe(1000);
    expect(parseNumberInput('¥2,500.75')).toBe(2500.75);
    expect(parseNumberInput('CN¥8')).toBe(8);
    expect(parseNumberInput('12.5%')).toBe(12.5);
    expect(parseNumberInput('-3')).toBe(-3);
    expect(parseNumberInput('.5')).toBe(0.5);
  });

  it('gives no value for empty input and keeps text that is not a number (the schema check flags it)', () => {
    expect(parseNumberInput('')).toBeUndefined();
    expect(parseNumberInput('   ')).toBeUndefined();
    expect(parseNumberInput('12abc')).toBe('12abc');
    expect(parseNumberInput('1.2.3')).toBe('1.2.3');
  });

  it('puts the raw number back when the field is focused', () => {
    expect(editableNumber(1234.5)).toBe('1234.5');
    expect(editableNumber(null)).toBe('');
  });
});

describe('datetime input', () => {
  it('shows an ISO instant in the browser time zone and stores what was picked as ISO UTC', () => {
    const iso = localInputToIso('2026-03-01T10:30')!;
    expect(iso).toBe(new Date(2026, 2, 1, 10, 30).toISOString());
    expect(isoToLocalInput(iso)).toBe('2026-03-01T10:30');
    expect(localInputToIso('')).toBeUndefined();
    expect(isoToLocalInput(null)).toBe('');
    expect(isoToLocalInput('not a date')).toBe('');
  });
});
