import type { ImportMapping } from '../../../engine/shared/api/imports';
import type { FieldDef } from '../api/describe';
import { useI18n } from '../i18n/i18n';

/** Field types the import writes (computed and bookkeeping fields are left out). */
const NOT_IMPORTABLE = new Set(['id', 'formula', 'rollup', 'autonumber']);

/** The fields a column may go to: writable ones, the name and the owner, and id (only as an update key). */
export function importableFields(fields: FieldDef[]): FieldDef[] {
  return fields.filter((f) => (f.system ? ['id', 'name', 'owner_id'].includes(f.name) : !NOT_IMPORTABLE.has(f.type)));
}

/** How a lookup's text may be matched: the target's name or id (unique fields of the target are typed by the server's check). */
const lookupChoices = (f: FieldDef | undefined) => (f?.type === 'user' ? ['email', 'id'] : f?.type === 'lookup' ? ['name', 'id'] : []);

/**
 * The mapping step: one row per file column with its first values, the
 * field it goes to (or "do not import") and, for lookups, what the text names.
 */
export function MappingTable({ header, preview, fields, mapping, onChange }: { header: string[]; preview: string[][]; fields: FieldDef[]; mapping: ImportMapping; onChange(next: ImportMapping): void }) {
  const { t, label } = useI18n();
  const choices = importableFields(fields);
  const byName = new Map(choices.map((f) => [f.name, f]));
  const used = new Map(Object.entries(mapping).map(([col, m]) => [m.field, col]));
  const set = (column: string, field: string) => {
    const next = { ...mapping };
    if (!field) delete next[column];
    else {
      const lookups = lookupChoices(byName.get(field));
      next[column] = lookups.length ? { field, lookupBy: lookups[0]! } : { field };
    }
    onChange(next);
  };
  return (
    <table className="imp-mapping" data-testid="mapping-table">
      <thead>
        <tr>
          <th>{t('import.column')}</th>
          <th>{t('import.sample')}</th>
          <th>{t('import.field')}</th>
          <th>{t('import.lookupBy')}</th>
        </tr>
      </thead>
      <tbody>
        {header.map((column, i) => {
          const m = mapping[column];
          const lookups = lookupChoices(m ? byName.get(m.field) : undefined);
          return (
            <tr key={column} data-testid={`mapping-row-${column}`}>
              <td>{column}</td>
              <td className="imp-sample">{preview.slice(0, 3).map((r) => r[i] ?? '').filter(Boolean).join(' · ')}</td>
              <td>
                <select aria-label={t('import.fieldFor', { column })} value={m?.field ?? ''} onChange={(e) => set(column, e.target.value)} data-testid={`mapping-field-${column}`}>
                  <option value="">{t('import.skip')}</option>
                  {choices.map((f) => (
                    <option key={f.name} value={f.name} disabled={used.has(f.name) && used.get(f.name) !== column}>
                      {label(f.label, f.name)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {lookups.length > 0 && m && (
                  <select aria-label={t('import.lookupByFor', { column })} value={m.lookupBy ?? lookups[0]} onChange={(e) => onChange({ ...mapping, [column]: { field: m.field, lookupBy: e.target.value } })} data-testid={`mapping-lookup-${column}`}>
                    {lookups.map((k) => (
                      <option key={k} value={k}>
                        {k === 'name' ? t('import.byName') : k === 'email' ? t('import.byEmail') : 'ID'}
                      </option>
                    ))}
                  </select>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
