import { useEffect, useState } from 'react';
import type { RuleType } from '../../../engine/shared/rules/catalogue';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { useText } from '../i18n/text';
import type { Literal } from './expr-model';
import { ruleMessages } from './messages';
import type { RuleField } from './rule-fields';

type LiteralType = 'string' | 'number' | 'boolean' | 'null';
const LITERAL_TYPES: LiteralType[] = ['string', 'number', 'boolean', 'null'];

/** The one literal type a slot expects, when it expects just one (else the admin chooses). */
function soleType(expect: readonly RuleType[]): LiteralType | 'date' | 'datetime' | undefined {
  const concrete = expect.filter((x) => x !== 'null' && x !== 'list');
  if (concrete.length !== 1) return undefined;
  const [only] = concrete;
  return only === 'any' ? undefined : only;
}

/** The literal a new slot starts with, by what it expects. */
export function defaultLiteral(expect: readonly RuleType[]): Literal {
  const sole = soleType(expect);
  return sole === 'boolean' ? true : sole === 'string' ? '' : null;
}

const typeOf = (v: Literal): LiteralType => (v === null ? 'null' : (typeof v as LiteralType));

function convert(v: Literal, to: LiteralType): Literal {
  if (to === 'null') return null;
  if (to === 'boolean') return v === true || v === 'true';
  // A number chosen for an empty slot starts at 0: null would read as "no type" again.
  if (to === 'number') return typeof v === 'number' ? v : v !== null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : 0;
  return v === null ? '' : String(v);
}

interface LiteralInputProps {
  value: Literal;
  onChange(v: Literal): void;
  expect: readonly RuleType[];
  /** The compared field, for its picklist values. */
  field?: RuleField;
  tid: string;
}

/** A literal: typed by what the slot expects (a number, a date, a picklist value…), or with a type chooser where anything goes. */
export function LiteralInput({ value, onChange, expect, field, tid }: LiteralInputProps) {
  const t = useText(ruleMessages);
  const { label } = useI18n();
  if (field?.values && (typeof value === 'string' || value === null) && soleType(expect) === 'string') {
    return (
      <select data-testid={tid} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('choose')}</option>
        {value && !field.values.some((v) => v.value === value) && <option value={value}>{value} (?)</option>}
        {field.values.map((v) => (
          <option key={v.value} value={v.value}>
            {label(v.label, v.value)}
          </option>
        ))}
      </select>
    );
  }
  const sole = soleType(expect);
  const matchesSole = sole !== undefined && (value === null || typeOf(value) === (sole === 'date' || sole === 'datetime' ? 'string' : sole));
  const shown = matchesSole ? sole : typeOf(value);
  const chooser = matchesSole ? null : (
    <select data-testid={`${tid}-type`} value={typeOf(value)} onChange={(e) => onChange(convert(value, e.target.value as LiteralType))}>
      {LITERAL_TYPES.map((x) => (
        <option key={x} value={x}>
          {t(`lit_${x}`)}
        </option>
      ))}
    </select>
  );
  let input;
  if (shown === 'number')
    input = <input data-testid={tid} type="number" step="any" value={typeof value === 'number' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} />;
  else if (shown === 'boolean')
    input = (
      <select data-testid={tid} value={String(value === true)} onChange={(e) => onChange(e.target.value === 'true')}>
        <option value="true">{t('yes')}</option>
        <option value="false">{t('no')}</option>
      </select>
    );
  else if (shown === 'date') input = <input data-testid={tid} type="date" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)} />;
  else if (shown === 'null') input = null;
  else input = <input data-testid={tid} type="text" value={typeof value === 'string' ? value : ''} placeholder={shown === 'datetime' ? '2026-03-01T08:00:00Z' : undefined} onChange={(e) => onChange(shown === 'datetime' && e.target.value === '' ? null : e.target.value)} />;
  return (
    <span className="rule-literal">
      {chooser}
      {input}
    </span>
  );
}

interface ListInputProps {
  values: (string | number | boolean)[];
  onChange(values: (string | number | boolean)[]): void;
  field?: RuleField;
  /** Whether the items are numbers. */
  numeric: boolean;
  tid: string;
}

const parseList = (text: string, numeric: boolean) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (numeric && Number.isFinite(Number(s)) ? Number(s) : s));

/** A literal list: picklist values as check boxes, anything else typed comma-separated. */
export function ListInput({ values, onChange, field, numeric, tid }: ListInputProps) {
  const t = useText(ruleMessages);
  const { label } = useI18n();
  const [text, setText] = useState(values.join(', '));
  useEffect(() => {
    setText((cur) => (JSON.stringify(parseList(cur, numeric)) === JSON.stringify(values) ? cur : values.join(', ')));
  }, [values, numeric]);
  if (field?.values) {
    const toggle = (v: string, on: boolean) => onChange(on ? [...values, v] : values.filter((x) => x !== v));
    return (
      <span className="rule-list" data-testid={tid}>
        {field.values.map((v) => (
          <label key={v.value}>
            <input type="checkbox" data-testid={`${tid}-opt-${v.value}`} checked={values.includes(v.value)} onChange={(e) => toggle(v.value, e.target.checked)} />
            {label(v.label, v.value)}
          </label>
        ))}
      </span>
    );
  }
  return (
    <input
      data-testid={tid}
      type="text"
      placeholder={t('listPlaceholder')}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseList(e.target.value, numeric));
      }}
    />
  );
}
