import { OPERATIONS, type OperationName, type RuleType } from '../../../engine/shared/rules/catalogue';
import { CONTEXT_VARS } from '../../../engine/shared/rules/typed-ast';
import { useText } from '../i18n/text';
import type { ExprNode } from './expr-model';
import { FieldPicker } from './field-picker';
import { defaultLiteral, ListInput, LiteralInput } from './literal-input';
import { ruleMessages, type RuleMessageKey } from './messages';
import { argTypes, GROUP_OF, OPERATION_GROUPS, operationsIn } from './operation-groups';
import type { RuleField } from './rule-fields';

/** What a value slot holds, as the kind chooser names it; `relative` is add_days(today|now, n). */
export type SlotKind = 'lit' | 'list' | 'var' | 'ctx' | 'call' | 'relative';

const CONTEXT_LABEL = { '$user.id': 'ctx_user_id', '$user.department': 'ctx_user_department', '$user.roles': 'ctx_user_roles', $now: 'ctx_now' } as const satisfies Record<keyof typeof CONTEXT_VARS, string>;

/** add_days(today(), n) or add_days(now(), n) with a literal n: a date relative to today. */
export function isRelativeDate(n: ExprNode): boolean {
  if (n.kind !== 'call' || n.op !== 'add_days' || n.bare || n.args.length !== 2) return false;
  const [base, days] = n.args as [ExprNode, ExprNode];
  return base.kind === 'call' && (base.op === 'today' || base.op === 'now') && !base.bare && base.args.length === 0 && days.kind === 'lit' && typeof days.value === 'number';
}

export function slotKindOf(n: ExprNode): SlotKind {
  if (n.kind === 'var') return n.path.startsWith('$') ? 'ctx' : 'var';
  if (n.kind === 'call' && isRelativeDate(n)) return 'relative';
  return n.kind;
}

/** A sensible first operation for a slot expecting these types. */
function firstOperation(expect: readonly RuleType[]): OperationName {
  if (expect.includes('boolean')) return '==';
  if (expect.includes('number')) return '+';
  if (expect.includes('date')) return 'today';
  if (expect.includes('datetime')) return 'now';
  if (expect.includes('string')) return 'cat';
  return 'if';
}

/** Arguments for an operation: the ones already there (up to its arity), then defaults. */
export function argsFor(op: OperationName, current: ExprNode[]): ExprNode[] {
  const [min, max] = OPERATIONS[op].arity;
  // n-ary operations start with two operands, `if` with condition, then and else.
  const want = op === 'if' ? Math.max(3, current.length) : Math.min(Math.max(min, current.length, 2), max);
  return Array.from({ length: want }, (_, i): ExprNode => current[i] ?? { kind: 'lit', value: defaultLiteral(argTypes(op, i)) });
}

/** The node a slot starts with when the admin chooses its kind. */
export function nodeOfKind(kind: SlotKind, expect: readonly RuleType[]): ExprNode {
  switch (kind) {
    case 'lit':
      return { kind: 'lit', value: defaultLiteral(expect) };
    case 'list':
      return { kind: 'list', values: [] };
    case 'var':
      return { kind: 'var', path: '' };
    case 'ctx':
      return { kind: 'var', path: '$user.id' };
    case 'relative':
      return { kind: 'call', op: 'add_days', args: [{ kind: 'call', op: expect.includes('date') ? 'today' : 'now', args: [] }, { kind: 'lit', value: 0 }] };
    case 'call': {
      const op = firstOperation(expect);
      return { kind: 'call', op, args: argsFor(op, []) };
    }
  }
}

export interface ExprEditorProps {
  node: ExprNode | undefined;
  onChange(node: ExprNode | undefined): void;
  /** The object whose fields `var` names. */
  object: string;
  allowContext: boolean;
  /** The types this slot may hold (literal inputs and the relative-date choice follow them). */
  expect: readonly RuleType[];
  /** The field this value is compared with (its picklist values are offered). */
  field?: RuleField;
  /** The kinds offered (default: value, field, context, function; lists and relative dates where they fit). */
  kinds?: SlotKind[];
  /** data-testid of the slot's main input; the other controls add suffixes (-kind, -op, -field, -ctx, -a<i>). */
  tid: string;
}

/** One value slot: a literal, a field, a context variable, a relative date or a function call with nested slots. */
export function ExprEditor(p: ExprEditorProps) {
  const t = useText(ruleMessages);
  const { node, onChange, tid } = p;
  const temporal = p.expect.includes('date') || p.expect.includes('datetime');
  const kinds: SlotKind[] = p.kinds ?? ['lit', ...(p.expect.includes('list') ? (['list'] as const) : []), 'var', ...(p.allowContext ? (['ctx'] as const) : []), ...(temporal ? (['relative'] as const) : []), 'call'];
  const kind = node && slotKindOf(node);
  const offered = kind && !kinds.includes(kind) ? [...kinds, kind] : kinds;
  return (
    <span className={`rule-slot rule-slot-${kind ?? 'empty'}`}>
      {offered.length > 1 || !node ? (
        <select data-testid={`${tid}-kind`} value={kind ?? ''} onChange={(e) => onChange(e.target.value ? nodeOfKind(e.target.value as SlotKind, p.expect) : undefined)}>
          {!node && <option value="">{t('choose')}</option>}
          {offered.map((k) => (
            <option key={k} value={k}>
              {t(`kind_${k}`)}
            </option>
          ))}
        </select>
      ) : null}
      {node && <SlotBody {...p} node={node} />}
    </span>
  );
}

function SlotBody(p: ExprEditorProps & { node: ExprNode }) {
  const t = useText(ruleMessages);
  const { node, onChange, tid } = p;
  if (node.kind === 'lit') return <LiteralInput value={node.value} onChange={(value) => onChange({ kind: 'lit', value })} expect={p.expect} {...(p.field ? { field: p.field } : {})} tid={tid} />;
  if (node.kind === 'list')
    return <ListInput values={node.values} onChange={(values) => onChange({ kind: 'list', values })} numeric={p.field?.ruleType === 'number'} {...(p.field ? { field: p.field } : {})} tid={tid} />;
  if (node.kind === 'var' && node.path.startsWith('$'))
    return (
      <select data-testid={`${tid}-ctx`} value={node.path} onChange={(e) => onChange({ ...node, path: e.target.value })}>
        {!(node.path in CONTEXT_LABEL) && <option value={node.path}>{node.path}</option>}
        {Object.entries(CONTEXT_LABEL).map(([v, key]) => (
          <option key={v} value={v}>
            {t(key)} ({v})
          </option>
        ))}
      </select>
    );
  if (node.kind === 'var') return <FieldPicker object={p.object} value={node.path} onChange={(path) => onChange({ ...node, path })} tid={`${tid}-field`} />;
  if (isRelativeDate(node)) {
    const [base, days] = node.args as [Extract<ExprNode, { kind: 'call' }>, Extract<ExprNode, { kind: 'lit' }>];
    return (
      <span className="rule-relative">
        <input data-testid={tid} type="number" step="1" value={typeof days.value === 'number' ? days.value : 0} onChange={(e) => onChange({ ...node, args: [base, { kind: 'lit', value: e.target.value === '' ? 0 : Number(e.target.value) }] })} />
        {t(base.op === 'today' ? 'daysFromToday' : 'daysFromNow')}
      </span>
    );
  }
  return <CallEditor {...p} node={node as Extract<ExprNode, { kind: 'call' }>} />;
}

/** The label of an `if` argument: condition / then pairs, the last one "else". */
function ifArgLabel(i: number, count: number, t: (k: RuleMessageKey) => string): string {
  if (i === count - 1 && count % 2 === 1) return t('ifElse');
  return i % 2 === 0 ? t('ifCondition') : t('ifThen');
}

const NULL: ExprNode = { kind: 'lit', value: null };

/** The arguments after adding one (a condition/then pair before an `if`'s else). */
function withArgAdded(op: OperationName, args: ExprNode[]): ExprNode[] {
  if (op !== 'if') return [...args, { kind: 'lit', value: defaultLiteral(argTypes(op, args.length)) }];
  return args.length % 2 === 1 ? [...args.slice(0, -1), { kind: 'lit', value: true }, NULL, args.at(-1)!] : [...args, { kind: 'lit', value: true }, NULL];
}

/** Which argument positions can be removed: an `if`'s condition (with its then) while another pair stays; others down to the minimum. */
function removable(op: OperationName, i: number, count: number): boolean {
  if (op === 'if') return i % 2 === 0 && i < count - 1 && count > 3;
  return count > OPERATIONS[op].arity[0];
}

/** A function call: the picker (grouped, with each operation's doc) and its arguments as nested slots. */
function CallEditor(p: ExprEditorProps & { node: Extract<ExprNode, { kind: 'call' }> }) {
  const t = useText(ruleMessages);
  const { node, onChange, tid } = p;
  const max = OPERATIONS[node.op].arity[1];
  const setArg = (i: number, a: ExprNode | undefined) => onChange({ ...node, args: node.args.map((x, j) => (j === i ? (a ?? NULL) : x)) });
  const { bare: _bare, ...unbare } = node;
  const remove = (i: number) => onChange({ ...unbare, args: node.args.filter((_, j) => j !== i && !(node.op === 'if' && j === i + 1)) });
  const slotTypes = (i: number) => (node.op === 'if' && i % 2 === 0 && i < node.args.length - 1 ? (['boolean'] as const) : argTypes(node.op, i));
  return (
    <span className="rule-call">
      <select data-testid={`${tid}-op`} value={node.op} onChange={(e) => onChange({ kind: 'call', op: e.target.value as OperationName, args: argsFor(e.target.value as OperationName, node.args) })}>
        {OPERATION_GROUPS.map((g) => (
          <optgroup key={g} label={t(`group_${g}`)}>
            {operationsIn(g).map((op) => (
              <option key={op} value={op} title={OPERATIONS[op].doc}>
                {op}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <small className="rule-doc" data-testid={`${tid}-doc`} data-group={GROUP_OF[node.op]}>
        {OPERATIONS[node.op].doc}
      </small>
      {node.args.length > 0 && (
        <ol className="rule-args">
          {node.args.map((a, i) => (
            <li key={i}>
              <span className="rule-arg-label">{node.op === 'if' ? ifArgLabel(i, node.args.length, t) : t('argument', { n: i + 1 })}</span>
              <ExprEditor object={p.object} allowContext={p.allowContext} expect={slotTypes(i)} node={a} onChange={(x) => setArg(i, x)} tid={`${tid}-a${i}`} />
              {removable(node.op, i, node.args.length) && (
                <button type="button" className="link" data-testid={`${tid}-a${i}-remove`} onClick={() => remove(i)}>
                  {t('removeArg')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {node.args.length < max && (
        <button type="button" className="link" data-testid={`${tid}-add-arg`} onClick={() => onChange({ ...unbare, args: withArgAdded(node.op, node.args) })}>
          {t('addArg')}
        </button>
      )}
    </span>
  );
}
