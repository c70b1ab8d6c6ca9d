import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { useDraft } from '../draft/draft-store';
import { useText } from '../i18n/text';
import { ruleMessages } from './messages';
import { MAX_LOOKUP_HOPS, ruleFieldsOf, type RuleField } from './rule-fields';

interface FieldPickerProps {
  /** The object the path starts from. */
  object: string;
  /** A field path ("amount", "account.industry"); empty while none is picked. */
  value: string;
  onChange(path: string): void;
  /** data-testid of the first select; each lookup level adds `-1`, `-2`, `-3`. */
  tid: string;
}

/**
 * Picks a field, through lookups: choosing a lookup opens a second select
 * with its target's fields ("account" → "account.industry"), up to three
 * lookups deep, as the server allows.
 */
export function FieldPicker({ object, value, onChange, tid }: FieldPickerProps) {
  const t = useText(ruleMessages);
  const { label } = useI18n();
  const { snapshot } = useDraft();
  const parts = value ? value.split('.') : [];
  const levels: { object: string; fields: RuleField[]; chosen: string }[] = [];
  let current: string | undefined = object;
  for (let i = 0; current !== undefined && i <= MAX_LOOKUP_HOPS; i++) {
    const fields = ruleFieldsOf(snapshot, current);
    const chosen = parts[i] ?? '';
    levels.push({ object: current, fields, chosen });
    const picked = fields.find((f) => f.name === chosen);
    current = picked?.target && snapshot.objects[picked.target] ? picked.target : undefined;
  }
  const choose = (level: number, name: string) => onChange([...parts.slice(0, level), ...(name ? [name] : [])].join('.'));
  return (
    <span className="rule-field-picker">
      {levels.map((lv, i) => (
        <select key={i} data-testid={i === 0 ? tid : `${tid}-${i}`} aria-label={lv.object} value={lv.chosen} onChange={(e) => choose(i, e.target.value)}>
          <option value="">{i === 0 ? t('chooseField') : t('lookupItself')}</option>
          {lv.chosen && !lv.fields.some((f) => f.name === lv.chosen) && <option value={lv.chosen}>{lv.chosen} (?)</option>}
          {lv.fields.map((f) => (
            <option key={f.name} value={f.name}>
              {label(f.label, f.name)} ({f.name}){f.target ? ' →' : ''}
            </option>
          ))}
        </select>
      ))}
    </span>
  );
}
