import { describe, expect, it } from 'vitest';
import { freshName, nameProblem } from './rule-names';

describe('rule names', () => {
  it('says why a name cannot stay', () => {
    expect(nameProblem([{ name: 'Bad name' }], 0)).toBe('nameInvalid');
    expect(nameProblem([{ name: 'same' }, { name: 'same' }], 1)).toBe('nameTaken');
    expect(nameProblem([{ name: 'one' }, { name: 'two' }], 1)).toBeUndefined();
  });

  it('finds a free name counting on from the number of rules', () => {
    expect(freshName([], 'rule')).toBe('rule_1');
    expect(freshName([{ name: 'a' }, { name: 'assign_3' }], 'assign')).toBe('assign_4');
  });
});
