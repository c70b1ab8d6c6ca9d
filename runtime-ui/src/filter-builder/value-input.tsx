import { useEffect, useState } from 'react';
import type { FieldDef } from '../api/describe';
import { get } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { fetchName } from '../widgets/lookup-search';
import { picklistValues } from '../widgets/picklist-options';
import type { FilterKind, OperatorId } from './operators';
import { OPERATORS } from './operators';
import { useUserDirectory } from './user-directory';

/** A datetime-local input's text for an ISO instant, in the browser's time zone. */
const toLocalInput = (iso: unknown) => {
  if (typeof iso !== 'string' || !iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (text: string) => (text ? new Date(text).toISOString() : undefined);

interface ScalarProps {
  field: FieldDef;
  kind: FilterKind;
  value: unknown;
  onChange(v: unknown): void;
  label: string;
}

/** One value of a field's kind: text, number, date, date and time, a picklist value, a record or a user. */
export function ScalarInput({ field, kind, value, onChange, label: aria }: ScalarProps) {
  const { label } = useI18n();
  switch (kind) {
    case 'number':
      return <input type="number" step="any" aria-label={aria} value={typeof value === 'number' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />;
    case 'date':
      return <input type="date" aria-label={aria} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)} />;
    case 'datetime':
      return <input type="datetime-local" aria-label={aria} value={toLocalInput(value)} onChange={(e) => onChange(fromLocalInput(e.target.value))} />;
    case 'picklist':
    case 'multipicklist':
      return (
        <select aria-label={aria} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)}>
          <option value="" />
          {picklistValues(field).map((o) => (
            <option key={o.value} value={o.value}>
              {label(o.label, o.value)}
            </option>
          ))}
        </select>
      );
    case 'lookup':
      return <RecordPicker target={String(field.options.target ?? '')} value={typeof value === 'string' ? value : undefined} onChange={onChange} label={aria} />;
    case 'user':
      return <UserPicker value={typeof value === 'string' ? value : undefined} onChange={onChange} label={aria} />;
    default:
      return <input type="text" aria-label={aria} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)} />;
  }
}

/** Picklist values to choose several of, as toggle chips (easy to hit on a phone). */
function ChoiceChips({ field, value, onChange }: { field: FieldDef; value: unknown; onChange(v: unknown): void }) {
  const { label } = useI18n();
  const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
  const toggle = (v: string) => {
    const next = new Set(chosen);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    onChange(next.size ? picklistValues(field).map((o) => o.value).filter((x) => next.has(x)) : undefined);
  };
  return (
    <span className="fb-chips" role="group">
      {picklistValues(field).map((o) => (
        <button key={o.value} type="button" className="fb-chip" aria-pressed={chosen.has(o.value)} onClick={() => toggle(o.value)}>
          {label(o.label, o.value)}
        </button>
      ))}
    </span>
  );
}

/** The value editor an operator needs: nothing, one value, a range, several choices or a number of days. */
export function OperatorValue({ field, kind, op, value, onChange }: { field: FieldDef; kind: FilterKind; op: OperatorId; value: unknown; onChange(v: unknown): void }) {
  const { t } = useI18n();
  const arity = OPERATORS[op].arity;
  if (arity === 'none') return null;
  if (arity === 'list') return <ChoiceChips field={field} value={value} onChange={onChange} />;
  if (arity === 'days') {
    return (
      <span className="fb-days">
        <input type="number" min={0} step={1} aria-label={t('filter.days')} value={typeof value === 'number' ? value : ''} onChange={(e) => onChange(e.target.value === '' ? undefined : Math.max(0, Math.trunc(Number(e.target.value))))} />
        {t('filter.days')}
      </span>
    );
  }
  if (arity === 'range') {
    const pair = Array.isArray(value) ? (value as unknown[]) : [undefined, undefined];
    return (
      <span className="fb-range">
        <ScalarInput field={field} kind={kind} value={pair[0]} label={t('filter.from')} onChange={(v) => onChange([v, pair[1]])} />
        <ScalarInput field={field} kind={kind} value={pair[1]} label={t('filter.to')} onChange={(v) => onChange([pair[0], v])} />
      </span>
    );
  }
  return <ScalarInput field={field} kind={kind} value={value} label={t('filter.value')} onChange={onChange} />;
}

/** Picks a record of `target` by typing part of its name (GET /records/<target>?q=…). */
export function RecordPicker({ target, value, onChange, label: aria }: { target: string; value?: string; onChange(v: string | undefined): void; label: string }) {
  const { t, label } = useI18n();
  const [text, setText] = useState('');
  const [chosenName, setChosenName] = useState<string>();
  const [hits, setHits] = useState<{ id: string; name?: string }[]>([]);
  useEffect(() => {
    if (!value || chosenName !== undefined) return;
    let live = true;
    fetchName(target, value).then(
      (name) => live && setChosenName(name),
      () => live && setChosenName(value),
    );
    return () => {
      live = false;
    };
  }, [target, value, chosenName]);
  useEffect(() => {
    if (!text.trim()) return setHits([]);
    let live = true;
    const timer = setTimeout(() => {
      get<{ records: { id: string; name?: string }[] }>(`/records/${encodeURIComponent(target)}?q=${encodeURIComponent(text.trim())}&fields=name&limit=8`).then(
        (r) => live && setHits(r.records),
        () => live && setHits([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, target]);
  if (value) {
    return (
      <span className="fb-picked">
        {chosenName ?? '…'}
        <button type="button" className="link" aria-label={t('filter.remove')} onClick={() => (setChosenName(undefined), onChange(undefined))}>
          ×
        </button>
      </span>
    );
  }
  return (
    <span className="fb-picker">
      <input type="search" aria-label={aria} placeholder={t('filter.searchRecord')} value={text} onChange={(e) => setText(e.target.value)} />
      {hits.length > 0 && (
        <span className="fb-hits" role="listbox">
          {hits.map((h) => (
            <button key={h.id} type="button" role="option" aria-selected={false} onClick={() => (setChosenName(h.name ?? h.id), setText(''), setHits([]), onChange(h.id))}>
              {h.name ?? label(undefined, h.id)}
            </button>
          ))}
        </span>
      )}
    </span>
  );
}

/** Picks a user: from the organisation's list (admins), else by id. */
export function UserPicker({ value, onChange, label: aria }: { value?: string; onChange(v: string | undefined): void; label: string }) {
  const users = useUserDirectory();
  if (users.length > 1) {
    return (
      <select aria-label={aria} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="" />
        {users.filter((u) => u.active !== false).map((u) => (
          <option key={u.id} value={u.id}>
            {u.displayName}
          </option>
        ))}
      </select>
    );
  }
  return <input type="text" aria-label={aria} value={value ?? ''} placeholder="00000000-0000-0000-0000-000000000000" onChange={(e) => onChange(e.target.value.trim() || undefined)} />;
}
