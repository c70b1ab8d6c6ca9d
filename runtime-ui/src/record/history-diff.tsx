import type { FieldDef } from '../api/describe';
import { useI18n } from '../i18n/i18n';
import { formatValue, NO_NAMES, type DisplayNames } from './field-value';
import type { RecordRef } from '../api/record-names';

/** One audit entry as GET /records/:object/:id/history answers it. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: { id: string; displayName?: string } | null;
  action: 'create' | 'update' | 'delete' | 'merge';
  /** update: { field: [old, new] }; create: the values set; delete: the values the record had; merge: { merged: [{id, name}], values }. */
  changes: Record<string, unknown>;
}

/** Bookkeeping columns that every create and update touches: not worth a line in the history. */
const BOOKKEEPING = new Set(['id', 'version', 'created_at', 'created_by', 'updated_at', 'updated_by']);

/** One changed field: its old and new value (a create has only the new one). */
export interface FieldChange {
  field: string;
  old?: unknown;
  new: unknown;
}

/** The field changes of an entry, in the object's field order (fields no longer defined last, by name). */
export function entryChanges(entry: AuditEntry, fields: FieldDef[]): FieldChange[] {
  if (entry.action === 'delete' || entry.action === 'merge') return [];
  const order = new Map(fields.map((f, i) => [f.name, i]));
  const rank = (name: string) => order.get(name) ?? Number.MAX_SAFE_INTEGER;
  return Object.entries(entry.changes)
    .filter(([field, v]) => !BOOKKEEPING.has(field) && (entry.action === 'update' || (v !== null && v !== '')))
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([field, v]) => (entry.action === 'update' && Array.isArray(v) && v.length === 2 ? { field, old: v[0], new: v[1] } : { field, new: v }));
}

/** The records that lookups in these entries point at (old and new values), to fetch their names. */
export function historyRefs(entries: AuditEntry[], fields: FieldDef[]): RecordRef[] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  const refs: RecordRef[] = [];
  for (const e of entries)
    for (const c of entryChanges(e, fields)) {
      const f = byName.get(c.field);
      if (f?.type !== 'lookup') continue;
      for (const v of [c.old, c.new]) if (typeof v === 'string' && v) refs.push({ object: String(f.options.target), id: v });
    }
  return refs;
}

/** A field that no longer exists (or was never described) still shows its value, as text. */
const unknownField = (name: string): FieldDef => ({ name, type: 'text', label: name, required: false, system: false, options: {} });

/** The readable diff of a record's history: who, when, and per field old → new with the field's label. */
export function HistoryDiff({ entries, fields, names = NO_NAMES }: { entries: AuditEntry[]; fields: FieldDef[]; names?: DisplayNames }) {
  const i18n = useI18n();
  const { t, label, fmt } = i18n;
  const byName = new Map(fields.map((f) => [f.name, f]));
  return (
    <ol className="rp-history">
      {entries.map((e) => {
        const changes = entryChanges(e, fields);
        const who = e.actor ? (e.actor.displayName ?? names.users.get(e.actor.id) ?? t('record.unknownUser')) : t('record.system');
        return (
          <li key={e.id} className={`rp-history-entry rp-history-${e.action}`} data-testid="history-entry">
            <div className="rp-history-meta">
              <strong>{who}</strong> <span>{t(`record.history.${e.action}`)}</span>
              {e.action === 'merge' && Array.isArray(e.changes.merged) && <span className="rp-history-merged">{` (${(e.changes.merged as { name?: string; id: string }[]).map((m) => m.name ?? m.id).join(', ')})`}</span>} · <time dateTime={e.at}>{fmt.datetime(e.at)}</time>
            </div>
            {changes.length > 0 && (
              <ul className="rp-history-changes">
                {changes.map((c) => {
                  const f = byName.get(c.field) ?? unknownField(c.field);
                  return (
                    <li key={c.field} data-field={c.field}>
                      <span className="rp-history-field">{label(f.label, f.name)}</span>
                      {': '}
                      {e.action === 'update' && (
                        <>
                          <del className="rp-old">{formatValue(f, c.old, i18n, names)}</del>
                          {' → '}
                        </>
                      )}
                      <ins className="rp-new">{formatValue(f, c.new, i18n, names)}</ins>
                    </li>
                  );
                })}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
