import type { RuleType } from '../../../engine/shared/rules/catalogue';
import type { DraftIssue } from '../draft/draft-types';

/** What the rule editor edits: a condition (true/false) or an expression giving a value. */
export interface RuleEditorProps {
  /** The object whose fields the rule reads (through lookups too), as the draft has it. */
  object: string;
  value: unknown;
  /** Called with the new json-logic (undefined when cleared). */
  onChange(rule: unknown): void;
  /** The types the rule must give (e.g. ['boolean'] for conditions, ['number'] for a number formula). */
  expect?: RuleType[];
  /** Whether $user and $now may be used (not in formulas). */
  allowContext?: boolean;
  mode: 'condition' | 'expression';
  /** The server's issues for this rule (paths relative to the rule). */
  issues?: DraftIssue[];
  /** data-testid prefix, when a page holds several editors. */
  testId?: string;
}

/** Placeholder until built: the visual json-logic builder with a raw JSON tab. */
export function RuleEditor(p: RuleEditorProps) {
  return <p data-testid={`${p.testId ?? 'rule'}-todo`}>RuleEditor</p>;
}
