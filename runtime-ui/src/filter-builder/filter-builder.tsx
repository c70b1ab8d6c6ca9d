import type { FieldDef } from '../api/describe';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { FilterCondition, FilterGroup, FilterNode } from './filter-model';
import { filterKindOf, OPERATORS, OPERATORS_BY_KIND, type OperatorId } from './operators';
import { OperatorValue } from './value-input';

/** The fields a filter may use: those with a filter kind. */
export const filterableFields = (fields: FieldDef[]) => fields.filter((f) => filterKindOf(f) !== undefined);

/** A new condition on a field, with the field kind's first operator. */
export function newCondition(field: FieldDef): FilterCondition {
  return { kind: 'condition', field: field.name, op: OPERATORS_BY_KIND[filterKindOf(field)!][0]! };
}

/**
 * Builds a json-logic filter from conditions in AND / OR groups, nested as
 * deep as wanted, with the operators each field type supports (see
 * operators.ts). Controlled: `value` is the tree, `onChange` gets the next
 * one; filter-model.ts turns it into json-logic and back. Shared by the
 * runtime lists and (later) the designer.
 */
export function FilterBuilder({ fields, value, onChange }: { fields: FieldDef[]; value: FilterGroup; onChange(next: FilterGroup): void }) {
  const usable = filterableFields(fields);
  return (
    <div className="fb" data-testid="filter-builder">
      <GroupEditor fields={usable} group={value} onChange={onChange} depth={0} />
    </div>
  );
}

function GroupEditor({ fields, group, onChange, onRemove, depth }: { fields: FieldDef[]; group: FilterGroup; onChange(g: FilterGroup): void; onRemove?: () => void; depth: number }) {
  const { t } = useI18n();
  const setChild = (i: number, node: FilterNode) => onChange({ ...group, children: group.children.map((c, j) => (j === i ? node : c)) });
  const removeChild = (i: number) => onChange({ ...group, children: group.children.filter((_, j) => j !== i) });
  const add = (node: FilterNode) => onChange({ ...group, children: [...group.children, node] });
  return (
    <fieldset className={`fb-group fb-depth-${Math.min(depth, 3)}`} data-testid="filter-group">
      <legend>
        <select aria-label={t('filter.operator')} value={group.join} onChange={(e) => onChange({ ...group, join: e.target.value as 'and' | 'or' })} data-testid="filter-join">
          <option value="and">{t('filter.and')}</option>
          <option value="or">{t('filter.or')}</option>
        </select>
        {onRemove && (
          <button type="button" className="link" onClick={onRemove}>
            {t('filter.remove')}
          </button>
        )}
      </legend>
      {group.children.map((child, i) =>
        child.kind === 'group' ? (
          <GroupEditor key={i} fields={fields} group={child} depth={depth + 1} onChange={(g) => setChild(i, g)} onRemove={() => removeChild(i)} />
        ) : (
          <ConditionEditor key={i} fields={fields} condition={child} onChange={(c) => setChild(i, c)} onRemove={() => removeChild(i)} />
        ),
      )}
      <div className="fb-add">
        <button type="button" disabled={!fields.length} onClick={() => add(newCondition(fields[0]!))} data-testid="filter-add-condition">
          {t('filter.addCondition')}
        </button>
        <button type="button" disabled={!fields.length} onClick={() => add({ kind: 'group', join: group.join === 'and' ? 'or' : 'and', children: [newCondition(fields[0]!)] })} data-testid="filter-add-group">
          {t('filter.addGroup')}
        </button>
      </div>
    </fieldset>
  );
}

function ConditionEditor({ fields, condition, onChange, onRemove }: { fields: FieldDef[]; condition: FilterCondition; onChange(c: FilterCondition): void; onRemove(): void }) {
  const { t, label } = useI18n();
  const field = fields.find((f) => f.name === condition.field);
  const kind = field && filterKindOf(field);
  const ops = kind ? OPERATORS_BY_KIND[kind] : [];
  const changeOp = (op: OperatorId) => onChange({ kind: 'condition', field: condition.field, op, ...(OPERATORS[op].arity === OPERATORS[condition.op].arity ? { value: condition.value } : {}) });
  return (
    <div className="fb-condition" data-testid="filter-condition">
      <select aria-label={t('filter.field')} value={condition.field} onChange={(e) => onChange(newCondition(fields.find((f) => f.name === e.target.value)!))} data-testid="filter-field">
        {!field && <option value={condition.field}>{condition.field}</option>}
        {fields.map((f) => (
          <option key={f.name} value={f.name}>
            {label(f.label, f.name)}
          </option>
        ))}
      </select>
      <select aria-label={t('filter.operator')} value={condition.op} onChange={(e) => changeOp(e.target.value as OperatorId)} data-testid="filter-op">
        {ops.map((op) => (
          <option key={op} value={op}>
            {t(`filter.op.${op}` as MessageKey)}
          </option>
        ))}
      </select>
      {field && kind && <OperatorValue field={field} kind={kind} op={condition.op} value={condition.value} onChange={(value) => onChange({ ...condition, value })} />}
      <button type="button" className="link fb-remove" aria-label={t('filter.remove')} onClick={onRemove}>
        ×
      </button>
    </div>
  );
}
