import { OPERATIONS, type OperationName, type RuleType } from '../../../engine/shared/rules/catalogue';

export const OPERATION_GROUPS = ['logic', 'comparison', 'arithmetic', 'strings', 'nulls', 'picklists', 'dates'] as const;
export type OperationGroup = (typeof OPERATION_GROUPS)[number];

/** The function picker's group of every operation (a new operation without a group is a compile error). */
export const GROUP_OF: Record<OperationName, OperationGroup> = {
  and: 'logic', or: 'logic', '!': 'logic', '!!': 'logic', if: 'logic',
  '==': 'comparison', '===': 'comparison', '!=': 'comparison', '!==': 'comparison', '<': 'comparison', '<=': 'comparison', '>': 'comparison', '>=': 'comparison', in: 'comparison',
  '+': 'arithmetic', '-': 'arithmetic', '*': 'arithmetic', '/': 'arithmetic', '%': 'arithmetic', min: 'arithmetic', max: 'arithmetic', round: 'arithmetic', floor: 'arithmetic', ceil: 'arithmetic', abs: 'arithmetic',
  cat: 'strings', concat: 'strings', lower: 'strings', upper: 'strings', length: 'strings', trim: 'strings', contains: 'strings', starts_with: 'strings', ends_with: 'strings', regex_match: 'strings',
  if_null: 'nulls', is_empty: 'nulls', not_empty: 'nulls',
  label_of: 'picklists', in_set: 'picklists',
  today: 'dates', now: 'dates', add_days: 'dates', add_months: 'dates', add_years: 'dates', diff_days: 'dates', diff_months: 'dates', diff_years: 'dates', year: 'dates', month: 'dates', day: 'dates', weekday: 'dates', start_of_week: 'dates', start_of_month: 'dates', start_of_quarter: 'dates',
};

/** Operations of one group, in catalogue order. */
export const operationsIn = (group: OperationGroup): OperationName[] => (Object.keys(OPERATIONS) as OperationName[]).filter((op) => GROUP_OF[op] === group);

/** The types an operation's i-th argument may have. */
export const argTypes = (op: OperationName, i: number): readonly RuleType[] => {
  const args: readonly (readonly RuleType[])[] = OPERATIONS[op].args;
  return args[Math.min(i, args.length - 1)] ?? ['any'];
};
