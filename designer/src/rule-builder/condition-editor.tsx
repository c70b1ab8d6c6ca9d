import type { RuleType } from '../../../engine/shared/rules/catalogue';
import { useDraft } from '../draft/draft-store';
import { useText } from '../i18n/text';
import { COMPARISONS, COMPARISONS_BY_KIND, type ComparisonId } from './comparisons';
import { ExprEditor, nodeOfKind, type SlotKind } from './expr-editor';
import type { ExprNode } from './expr-model';
import { FieldPicker } from './field-picker';
import { ruleMessages } from './messages';
import { resolveFieldPath, type RuleField } from './rule-fields';
import type { CompareNode, CondNode, GroupNode } from './rule-model';

/** Shared by every row: where fields come from, and the numbers behind the testids. */
interface RowContext {
  object: string;
  allowContext: boolean;
  tid: string;
  numbers: Map<CondNode, number>;
}

/**
 * Numbers conditions (comparisons and functions), groups and NOTs depth-first,
 * each kind counting from 0: the testids `<tid>-field-<n>`, `<tid>-join-<g>`.
 */
export function numberNodes(root: GroupNode): Map<CondNode, number> {
  const out = new Map<CondNode, number>();
  const next = { cond: 0, group: 0, not: 0 };
  const walk = (n: CondNode) => {
    if (n.kind === 'group') {
      out.set(n, next.group++);
      n.children.forEach(walk);
    } else if (n.kind === 'not') {
      out.set(n, next.not++);
      walk(n.child);
    } else out.set(n, next.cond++);
  };
  walk(root);
  return out;
}

/** What a comparison's value slot holds: the field's type (a multi-select is compared with one of its values). */
function valueTypes(field: RuleField | undefined): RuleType[] {
  if (!field) return ['any'];
  if (field.kind === 'multipicklist') return ['string'];
  return [field.ruleType];
}

/** The value operands an operator starts with for a field. */
function operandsFor(op: ComparisonId, field: RuleField | undefined, current: ExprNode[]): ExprNode[] {
  const { operands } = COMPARISONS[op];
  if (operands === 'none') return [];
  if (operands === 'list') return [current[0]?.kind === 'list' ? current[0] : { kind: 'list', values: [] }];
  const n = operands === 'two' ? 2 : 1;
  const types = valueTypes(field);
  return Array.from({ length: n }, (_, i) => (current[i] && current[i]!.kind !== 'list' ? current[i]! : nodeOfKind('lit', types)));
}

function CompareRow({ node, onChange, ctx }: { node: CompareNode; onChange(n: CompareNode): void; ctx: RowContext }) {
  const t = useText(ruleMessages);
  const { snapshot } = useDraft();
  const n = ctx.numbers.get(node) ?? 0;
  const field = node.field ? resolveFieldPath(snapshot, ctx.object, node.field)?.field : undefined;
  const ops = field ? COMPARISONS_BY_KIND[field.kind] : [];
  const offered = ops.includes(node.op) || !node.field ? ops : [...ops, node.op];
  const setField = (path: string) => {
    const f = path ? resolveFieldPath(snapshot, ctx.object, path)?.field : undefined;
    const allowed = f ? COMPARISONS_BY_KIND[f.kind] : [];
    const sameKind = f && field && f.kind === field.kind;
    const op = allowed.includes(node.op) ? node.op : (allowed[0] ?? 'eq');
    onChange({ ...node, field: path, op, args: operandsFor(op, f, sameKind ? node.args : []) });
  };
  const setOp = (op: ComparisonId) => onChange({ ...node, op, args: operandsFor(op, field, node.args) });
  const setArg = (i: number, a: ExprNode | undefined) => onChange({ ...node, args: node.args.map((x, j) => (j === i ? (a ?? nodeOfKind('lit', valueTypes(field))) : x)) });
  const operands = COMPARISONS[node.op].operands;
  const kinds: SlotKind[] | undefined = operands === 'list' ? ['list'] : undefined;
  return (
    <span className="rule-compare">
      <FieldPicker object={ctx.object} value={node.field} onChange={setField} tid={`${ctx.tid}-field-${n}`} />
      {node.field && (
        <select data-testid={`${ctx.tid}-op-${n}`} value={node.op} onChange={(e) => setOp(e.target.value as ComparisonId)}>
          {offered.map((op) => (
            <option key={op} value={op}>
              {t(`op_${op}`)}
            </option>
          ))}
        </select>
      )}
      {node.field &&
        node.args.map((a, i) => (
          <span key={i} className="rule-operand">
            {i > 0 && <span className="rule-and">{t('and')}</span>}
            <ExprEditor
              node={a}
              onChange={(x) => setArg(i, x)}
              object={ctx.object}
              allowContext={ctx.allowContext}
              expect={valueTypes(field)}
              {...(field ? { field } : {})}
              {...(kinds ? { kinds } : {})}
              tid={i === 0 ? `${ctx.tid}-value-${n}` : `${ctx.tid}-value-${n}-${i + 1}`}
            />
          </span>
        ))}
    </span>
  );
}

/** One node of the condition tree, with its remove button. */
function CondRow({ node, onChange, onRemove, ctx }: { node: CondNode; onChange(n: CondNode): void; onRemove(): void; ctx: RowContext }) {
  const t = useText(ruleMessages);
  const n = ctx.numbers.get(node) ?? 0;
  let body;
  let removeId = `${ctx.tid}-remove-${n}`;
  if (node.kind === 'group') {
    removeId = `${ctx.tid}-remove-group-${n}`;
    body = <GroupEditor node={node} onChange={onChange} ctx={ctx} />;
  } else if (node.kind === 'not') {
    body = (
      <div className="rule-not">
        <strong>{t('not')}</strong>
        <CondRow node={node.child} onChange={(child) => onChange({ ...node, child })} onRemove={() => onChange({ ...node, child: { kind: 'group', join: 'and', children: [] } })} ctx={ctx} />
      </div>
    );
    removeId = `${ctx.tid}-remove-not-${n}`;
  } else if (node.kind === 'cmp') body = <CompareRow node={node} onChange={onChange} ctx={ctx} />;
  else {
    body = <ExprEditor node={node.expr} onChange={(expr) => onChange(expr ? { kind: 'expr', expr } : { kind: 'cmp', field: '', op: 'eq', args: [] })} object={ctx.object} allowContext={ctx.allowContext} expect={['boolean']} kinds={['call']} tid={`${ctx.tid}-value-${n}`} />;
  }
  return (
    <li className={`rule-row rule-row-${node.kind}`}>
      {body}
      <button type="button" className="link rule-remove" data-testid={removeId} onClick={onRemove} aria-label={t('remove')}>
        ×
      </button>
    </li>
  );
}

/** An AND/OR group: its join, its rows, and buttons to add conditions, groups, NOTs and functions. */
export function GroupEditor({ node, onChange, ctx }: { node: GroupNode; onChange(n: GroupNode): void; ctx: RowContext }) {
  const t = useText(ruleMessages);
  const g = ctx.numbers.get(node) ?? 0;
  const suffix = g === 0 ? '' : `-g${g}`;
  const add = (child: CondNode) => onChange({ ...node, children: [...node.children, child] });
  const setChild = (i: number, c: CondNode) => onChange({ ...node, children: node.children.map((x, j) => (j === i ? c : x)) });
  return (
    <div className={`rule-group rule-group-${node.join}`}>
      <select data-testid={`${ctx.tid}-join-${g}`} value={node.join} onChange={(e) => onChange({ ...node, join: e.target.value as 'and' | 'or' })}>
        <option value="and">{t('joinAnd')}</option>
        <option value="or">{t('joinOr')}</option>
      </select>
      {node.children.length === 0 && <p className="rule-empty">{t('emptyGroup')}</p>}
      <ul className="rule-rows">
        {node.children.map((c, i) => (
          <CondRow key={i} node={c} onChange={(x) => setChild(i, x)} onRemove={() => onChange({ ...node, children: node.children.filter((_, j) => j !== i) })} ctx={ctx} />
        ))}
      </ul>
      <div className="rule-add">
        <button type="button" data-testid={`${ctx.tid}-add-condition${suffix}`} onClick={() => add({ kind: 'cmp', field: '', op: 'eq', args: [] })}>
          {t('addCondition')}
        </button>
        <button type="button" data-testid={`${ctx.tid}-add-group${suffix}`} onClick={() => add({ kind: 'group', join: node.join === 'and' ? 'or' : 'and', children: [] })}>
          {t('addGroup')}
        </button>
        <button type="button" data-testid={`${ctx.tid}-add-not${suffix}`} onClick={() => add({ kind: 'not', child: { kind: 'group', join: 'and', children: [] } })}>
          {t('addNot')}
        </button>
        <button type="button" data-testid={`${ctx.tid}-add-function${suffix}`} onClick={() => add({ kind: 'expr', expr: nodeOfKind('call', ['boolean']) })}>
          {t('addFunction')}
        </button>
      </div>
    </div>
  );
}
