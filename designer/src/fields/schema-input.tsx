import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { useText } from '../i18n/text';
import { relativeIssues, type DraftIssue } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { fitsType, itemsOf, propertiesOf, requiredOf, shapeOf, subSchemas, type JsonSchema } from './json-schema';
import { LabelInputs } from './label-inputs';
import { fieldMessages } from './messages';
import { choiceName, settingName } from './settings-text';

/** One value edited through its schema; undefined means "not set" (the type's default applies). */
export interface SchemaInputProps {
  schema: JsonSchema;
  value: unknown;
  onChange(next: unknown): void;
  required?: boolean;
  testId: string;
  /** Issues relative to this value. */
  issues?: DraftIssue[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A starting value for a new array item or oneOf branch. */
export function initialValue(s: JsonSchema): unknown {
  if ('const' in s) return s.const;
  if ('default' in s) return s.default;
  switch (shapeOf(s)) {
    case 'enum':
      return (s.enum as unknown[])[0];
    case 'choice':
      return subSchemas(s, 'oneOf')[0]!.const;
    case 'object':
      return {};
    case 'array':
      return [];
    case 'boolean':
      return false;
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : 0;
    case 'oneOf':
      return initialValue(subSchemas(s, 'oneOf')[0]!);
    default:
      return '';
  }
}

/** A label schema: a string, or one string per locale. Edited as two text boxes. */
const isLabelSchema = (s: JsonSchema): boolean =>
  subSchemas(s, 'oneOf').some((b) => {
    const names = propertiesOf(b).map(([n]) => n);
    return names.length === 2 && names.includes('en') && names.includes('zh-CN');
  });

/** The rows of an object schema: each property with its name, description and control. */
export function SchemaProperties({
  schema,
  value,
  onChange,
  testId,
  issues = [],
  renderProperty,
}: {
  schema: JsonSchema;
  value: Record<string, unknown>;
  onChange(next: Record<string, unknown>): void;
  testId: string;
  issues?: DraftIssue[];
  /** A specialised editor for a property; undefined keeps the generated row. */
  renderProperty?: (name: string, schema: JsonSchema, required: boolean) => ReactNode | undefined;
}) {
  const { locale } = useI18n();
  const required = requiredOf(schema);
  const set = (name: string, v: unknown) => {
    const next = { ...value };
    if (v === undefined) delete next[name];
    else next[name] = v;
    onChange(next);
  };
  return (
    <>
      {propertiesOf(schema).map(([name, sub]) => {
        const special = renderProperty?.(name, sub, required.includes(name));
        if (special !== undefined) return <Fragment key={name}>{special}</Fragment>;
        return (
        <div key={name} className="setting-row">
          <span className="setting-name">
            {settingName(locale, name, sub.title)}
            {required.includes(name) && <span className="required-mark"> *</span>}
          </span>
          <div className="setting-control">
            <SchemaInput schema={sub} value={value[name]} onChange={(v) => set(name, v)} required={required.includes(name)} testId={`${testId}-${name}`} issues={relativeIssues(issues, `/${name}`)} />
            {typeof sub.description === 'string' && <small className="setting-help">{sub.description}</small>}
          </div>
        </div>
        );
      })}
    </>
  );
}

/** Edits any value its schema describes: scalars, enums, const, labelled choices, oneOf, objects, arrays; anything else as JSON. */
export function SchemaInput(p: SchemaInputProps) {
  const shape = shapeOf(p.schema);
  // Objects, arrays and oneOf place their issues beside their parts; a scalar's issues are all about it.
  const scalar = shape !== 'object' && shape !== 'array' && shape !== 'oneOf';
  return (
    <>
      <SchemaControl {...p} />
      {scalar && <IssueList issues={p.issues ?? []} testId={`${p.testId}-issues`} />}
    </>
  );
}

function SchemaControl(p: SchemaInputProps) {
  const t = useText(fieldMessages);
  const { locale } = useI18n();
  const { schema, value, onChange, testId } = p;
  const placeholder = 'default' in schema ? t('defaultIs', { value: JSON.stringify(schema.default) }) : undefined;
  switch (shapeOf(schema)) {
    case 'const':
      return <ConstValue schema={schema} value={value} onChange={onChange} testId={testId} />;
    case 'enum':
    case 'choice': {
      const choices = shapeOf(schema) === 'enum' ? (schema.enum as unknown[]).map((v) => ({ v, text: choiceName(locale, v) })) : subSchemas(schema, 'oneOf').map((b) => ({ v: b.const, text: typeof b.title === 'string' ? b.title : choiceName(locale, b.const) }));
      const at = choices.findIndex((c) => c.v === value);
      // A text choice is its own option value (what a browser test or a screen reader sees); others by position.
      const key = (c: { v: unknown }, i: number) => (typeof c.v === 'string' && c.v !== '' ? c.v : `#${i}`);
      return (
        <select value={at < 0 ? '' : key(choices[at]!, at)} onChange={(e) => onChange(e.target.value === '' ? undefined : choices.find((c, i) => key(c, i) === e.target.value)!.v)} data-testid={testId}>
          {(!p.required || at < 0) && <option value="">{placeholder ?? t('notSet')}</option>}
          {choices.map((c, i) => (
            <option key={i} value={key(c, i)}>
              {c.text}
            </option>
          ))}
        </select>
      );
    }
    case 'string':
      return <input value={typeof value === 'string' ? value : ''} placeholder={placeholder} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} data-testid={testId} />;
    case 'integer':
    case 'number':
      return <NumberInput schema={schema} value={value} onChange={onChange} testId={testId} placeholder={placeholder} />;
    case 'boolean':
      return <input type="checkbox" checked={value === undefined ? schema.default === true : value === true} onChange={(e) => onChange(e.target.checked === (schema.default === true) && !p.required ? undefined : e.target.checked)} data-testid={testId} />;
    case 'object':
      return (
        <fieldset className="setting-object" data-testid={testId}>
          <IssueList issues={(p.issues ?? []).filter((i) => !propertiesOf(schema).some(([n]) => i.path === `/${n}` || i.path.startsWith(`/${n}/`)))} testId={`${testId}-issues`} />
          <SchemaProperties schema={schema} value={isRecord(value) ? value : {}} onChange={(v) => onChange(Object.keys(v).length || p.required ? v : undefined)} testId={testId} issues={p.issues} />
        </fieldset>
      );
    case 'array':
      return <ArrayInput {...p} />;
    case 'oneOf':
      return isLabelSchema(schema) ? (
        <LabelInputs value={typeof value === 'string' || isRecord(value) ? (value as Record<string, string>) : undefined} onChange={onChange} testId={testId} legend="" enText={t('labelEn')} zhText={t('labelZh')} />
      ) : (
        <OneOfInput {...p} />
      );
    default:
      return <JsonInput value={value} onChange={onChange} testId={testId} />;
  }
}

function ConstValue({ schema, value, onChange, testId }: { schema: JsonSchema; value: unknown; onChange(v: unknown): void; testId: string }) {
  // A const is the only allowed value: written as soon as the control shows.
  useEffect(() => {
    if (value !== schema.const) onChange(schema.const);
  }, [value, schema.const, onChange]);
  return <code data-testid={testId}>{JSON.stringify(schema.const)}</code>;
}

function NumberInput({ schema, value, onChange, testId, placeholder }: { schema: JsonSchema; value: unknown; onChange(v: unknown): void; testId: string; placeholder?: string }) {
  const integer = shapeOf(schema) === 'integer';
  return (
    <input
      type="number"
      step={integer ? 1 : 'any'}
      min={typeof schema.minimum === 'number' ? schema.minimum : undefined}
      max={typeof schema.maximum === 'number' ? schema.maximum : undefined}
      value={typeof value === 'number' ? String(value) : ''}
      placeholder={placeholder}
      onChange={(e) => {
        if (e.target.value === '') return onChange(undefined);
        const n = Number(e.target.value);
        if (Number.isFinite(n)) onChange(integer ? Math.trunc(n) : n);
      }}
      data-testid={testId}
    />
  );
}

function ArrayInput({ schema, value, onChange, testId, issues = [] }: SchemaInputProps) {
  const t = useText(fieldMessages);
  const { locale } = useI18n();
  const items = itemsOf(schema);
  const list = Array.isArray(value) ? value : [];
  const write = (next: unknown[]) => onChange(next.length ? next : undefined);
  if (Array.isArray(items.enum) && schema.uniqueItems === true)
    return (
      <div className="setting-choices" data-testid={testId}>
        {(items.enum as unknown[]).map((v, i) => (
          <label key={i}>
            <input type="checkbox" checked={list.includes(v)} onChange={(e) => write(e.target.checked ? [...list, v] : list.filter((x) => x !== v))} data-testid={`${testId}-${i}`} />
            {choiceName(locale, v)}
          </label>
        ))}
      </div>
    );
  const move = (i: number, d: number) => {
    const next = [...list];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    write(next);
  };
  return (
    <div className="setting-array" data-testid={testId}>
      <IssueList issues={issues.filter((i) => i.path === '')} testId={`${testId}-issues`} />
      {list.map((item, i) => (
        <div key={i} className="setting-item">
          <SchemaInput schema={items} value={item} required onChange={(v) => write(list.map((x, j) => (j === i ? v : x)))} testId={`${testId}-${i}`} issues={relativeIssues(issues, `/${i}`)} />
          <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('moveUp')} data-testid={`${testId}-${i}-up`}>
            ↑
          </button>
          <button type="button" disabled={i === list.length - 1} onClick={() => move(i, 1)} aria-label={t('moveDown')} data-testid={`${testId}-${i}-down`}>
            ↓
          </button>
          <button type="button" onClick={() => write(list.filter((_, j) => j !== i))} data-testid={`${testId}-${i}-remove`}>
            {t('remove')}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => write([...list, initialValue(items)])} data-testid={`${testId}-add`}>
        {t('addItem')}
      </button>
    </div>
  );
}

function OneOfInput({ schema, value, onChange, testId, issues }: SchemaInputProps) {
  const t = useText(fieldMessages);
  const branches = subSchemas(schema, 'oneOf');
  const found = value === undefined ? -1 : branches.findIndex((b) => fitsType(b, value));
  const name = (b: JsonSchema, i: number) => (typeof b.title === 'string' ? b.title : typeof b.type === 'string' ? b.type : t('option', { n: i + 1 }));
  return (
    <div className="setting-oneof">
      <select value={String(found)} onChange={(e) => onChange(Number(e.target.value) < 0 ? undefined : initialValue(branches[Number(e.target.value)]!))} data-testid={`${testId}-kind`}>
        <option value="-1">{t('notSet')}</option>
        {branches.map((b, i) => (
          <option key={i} value={String(i)}>
            {name(b, i)}
          </option>
        ))}
      </select>
      {found >= 0 && <SchemaInput schema={branches[found]!} value={value} onChange={onChange} required testId={testId} issues={issues} />}
    </div>
  );
}

/** Anything the form has no control for (a json-logic value, a map), edited as JSON text. */
export function JsonInput({ value, onChange, testId }: { value: unknown; onChange(v: unknown): void; testId: string }) {
  const t = useText(fieldMessages);
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [bad, setBad] = useState(false);
  return (
    <div className="json-input">
      <textarea
        rows={4}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            setBad(false);
            return onChange(undefined);
          }
          try {
            onChange(JSON.parse(e.target.value));
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
        data-testid={testId}
      />
      {bad && <span className="issue">{t('jsonInvalid')}</span>}
    </div>
  );
}
