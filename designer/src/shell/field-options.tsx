import { useI18n, type Label } from '../../../runtime-ui/src/i18n/i18n';

/**
 * The `<option>`s of a field picker: each field as "Label (name)", after the
 * current choice marked "(?)" when it names no listed field (kept so the
 * select still shows what the metadata says).
 */
export function FieldOptions({ fields, current }: { fields: readonly { name: string; label?: Label }[]; current?: string | undefined }) {
  const { label } = useI18n();
  return (
    <>
      {current && !fields.some((f) => f.name === current) && <option value={current}>{current} (?)</option>}
      {fields.map((f) => (
        <option key={f.name} value={f.name}>
          {label(f.label, f.name)} ({f.name})
        </option>
      ))}
    </>
  );
}
