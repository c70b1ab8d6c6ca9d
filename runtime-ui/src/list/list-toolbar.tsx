import { useEffect, useRef, useState } from 'react';
import type { Describe, FieldDef } from '../api/describe';
import { useI18n } from '../i18n/i18n';
import type { PersonalView } from './personal-views';
import type { ListQuery } from './list-query';

/** The view menu: all records, the object's list views, the user's own views. */
export function ViewPicker({ describe, query, mine, onPick }: { describe: Describe; query: ListQuery; mine: PersonalView[]; onPick(kind: 'all' | 'view' | 'mine', name?: string): void }) {
  const { t, label } = useI18n();
  const current = query.mine ? `m:${query.mine}` : query.view ? `v:${query.view}` : '';
  const pick = (value: string) => (value === '' ? onPick('all') : onPick(value.startsWith('v:') ? 'view' : 'mine', value.slice(2)));
  return (
    <select aria-label={t('list.view')} value={current} onChange={(e) => pick(e.target.value)} data-testid="view-picker" className="lv-view-picker">
      <option value="">{t('list.view.all')}</option>
      {describe.object.listViews.length > 0 && (
        <optgroup label={t('list.view.shared')}>
          {describe.object.listViews.map((v) => (
            <option key={v.name} value={`v:${v.name}`}>
              {label(v.label, v.name)}
            </option>
          ))}
        </optgroup>
      )}
      {mine.length > 0 && (
        <optgroup label={t('list.view.mine')}>
          {mine.map((v) => (
            <option key={v.name} value={`m:${v.name}`}>
              {v.label}
            </option>
          ))}
        </optgroup>
      )}
      {query.mine && !mine.some((v) => v.name === query.mine) && <option value={current}>{query.mine}</option>}
    </select>
  );
}

/** Quick search: the server's q, sent once typing pauses. */
export function SearchBox({ value, onSearch }: { value: string; onSearch(q: string): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  const sent = useRef(value);
  // The latest callback, so re-renders while typing do not restart the pause.
  const search = useRef(onSearch);
  search.current = onSearch;
  useEffect(() => {
    if (value !== sent.current) setText(value);
    sent.current = value;
  }, [value]);
  useEffect(() => {
    if (text === sent.current) return;
    const timer = setTimeout(() => {
      sent.current = text;
      search.current(text);
    }, 300);
    return () => clearTimeout(timer);
  }, [text]);
  return <input type="search" className="lv-search" aria-label={t('list.search')} placeholder={t('list.search')} value={text} maxLength={200} onChange={(e) => setText(e.target.value)} data-testid="quick-search" />;
}

/** Which fields are columns (the name always is). */
export function ColumnPicker({ fields, shown, onChange }: { fields: FieldDef[]; shown: FieldDef[]; onChange(names: string[]): void }) {
  const { label } = useI18n();
  const on = new Set(shown.map((f) => f.name));
  const toggle = (name: string) => onChange(fields.map((f) => f.name).filter((n) => n === 'name' || (n === name ? !on.has(n) : on.has(n))));
  return (
    <div className="lv-panel lv-columns" data-testid="column-picker">
      {fields
        .filter((f) => f.type !== 'id')
        .map((f) => (
          <label key={f.name} className="lv-inline">
            <input type="checkbox" checked={on.has(f.name)} disabled={f.name === 'name'} onChange={() => toggle(f.name)} />
            {label(f.label, f.name)}
          </label>
        ))}
    </div>
  );
}

/** Saves the current state as a personal view, or deletes the personal view shown. */
export function SaveView({ current, onSave, onDelete }: { current?: PersonalView; onSave(label: string): Promise<void>; onDelete(): Promise<void> }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [failed, setFailed] = useState<string>();
  const act = (p: Promise<void>) =>
    p.then(
      () => (setOpen(false), setName(''), setFailed(undefined)),
      (e: unknown) => setFailed(e instanceof Error ? e.message : String(e)),
    );
  return (
    <span className="lv-save-view">
      {open ? (
        <form onSubmit={(e) => (e.preventDefault(), name.trim() && void act(onSave(name)))}>
          <input aria-label={t('list.view.name')} placeholder={t('list.view.name')} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} data-testid="view-name" autoFocus />
          <button type="submit" disabled={!name.trim()} data-testid="view-save">
            {t('common.save')}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)} data-testid="view-save-open">
          {t('list.view.save')}
        </button>
      )}
      {current && !open && (
        <button type="button" className="link" onClick={() => void act(onDelete())}>
          {t('list.view.delete')}
        </button>
      )}
      {failed && <span role="alert" className="form-error">{failed}</span>}
    </span>
  );
}
