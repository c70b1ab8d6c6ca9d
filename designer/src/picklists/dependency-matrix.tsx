import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { useText } from '../i18n/text';
import { isAllowed, setCells, type MatrixValue } from './dependency-model';
import { picklistMessages } from './messages';

/** Props of the matrix: controlling values (rows) × this field's values (columns). */
export interface DependencyMatrixProps {
  rows: MatrixValue[];
  cols: MatrixValue[];
  dependencies: Record<string, string[]>;
  onChange(next: Record<string, string[]>): void;
}

/** The controlling value × allowed value matrix: a checkbox per cell, "all"/"none" per row and per column. */
export function DependencyMatrix({ rows, cols, dependencies, onChange }: DependencyMatrixProps) {
  const t = useText(picklistMessages);
  const { label } = useI18n();
  const order = cols.map((c) => c.value);
  const keyOrder = rows.map((r) => r.value);
  const set = (keys: string[], values: string[], on: boolean) => onChange(setCells(dependencies, keys, values, on, order, keyOrder));
  const name = (v: MatrixValue) => (
    <span className={v.active ? '' : 'picklist-inactive'} title={v.value}>
      {label(v.label, v.value)}
      {!v.active && <small> ({t('inactive')})</small>}
    </span>
  );
  return (
    <div className="dependency-matrix-scroll">
      <table className="dependency-matrix" data-testid="dependency-matrix">
        <thead>
          <tr>
            <th />
            {cols.map((c) => (
              <th key={c.value} scope="col">
                {name(c)}
                <span className="dependency-helpers">
                  <button type="button" className="link" onClick={() => set(keyOrder, [c.value], true)} data-testid={`dependency-col-all-${c.value}`}>
                    {t('depAll')}
                  </button>
                  <button type="button" className="link" onClick={() => set(keyOrder, [c.value], false)} data-testid={`dependency-col-none-${c.value}`}>
                    {t('depNoneShort')}
                  </button>
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.value}>
              <th scope="row">
                {name(r)}
                <span className="dependency-helpers">
                  <button type="button" className="link" onClick={() => set([r.value], order, true)} data-testid={`dependency-row-all-${r.value}`}>
                    {t('depAll')}
                  </button>
                  <button type="button" className="link" onClick={() => set([r.value], order, false)} data-testid={`dependency-row-none-${r.value}`}>
                    {t('depNoneShort')}
                  </button>
                </span>
              </th>
              {cols.map((c) => (
                <td key={c.value}>
                  <input
                    type="checkbox"
                    checked={isAllowed(dependencies, r.value, c.value)}
                    onChange={(e) => set([r.value], [c.value], e.target.checked)}
                    aria-label={`${label(r.label, r.value)} → ${label(c.label, c.value)}`}
                    data-testid={`dependency-cell-${r.value}-${c.value}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
