import { useState } from 'react';
import { SYSTEM_FIELD_NAMES } from '../../../engine/metadata/system-fields';
import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { Link } from '../../../runtime-ui/src/router/router';
import { relativeIssues, type DraftIssue } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { typeName } from '../fields/settings-text';
import { useText } from '../i18n/text';
import { objectMessages } from './messages';

/** The object's fields in order: open, reorder, remove (from the draft). `issues` are relative to the object. */
export function FieldList({ def, published, onChange, issues }: { def: RawObjectDef; published?: RawObjectDef; onChange(next: RawObjectDef): void; issues: DraftIssue[] }) {
  const t = useText(objectMessages);
  const { label, locale } = useI18n();
  const [removing, setRemoving] = useState<string>();
  const base = `/designer/objects/${def.name}/fields`;
  const move = (i: number, d: number) => {
    const fields = [...def.fields];
    [fields[i], fields[i + d]] = [fields[i + d]!, fields[i]!];
    onChange({ ...def, fields });
  };
  const remove = (name: string) => {
    onChange({ ...def, fields: def.fields.filter((f) => f.name !== name) });
    setRemoving(undefined);
  };
  return (
    <section className="field-list">
      <div className="page-head">
        <h2>{t('fields')}</h2>
        <Link to={`${base}/new`} className="rp-button primary" data-testid="object-field-add">
          {t('addField')}
        </Link>
      </div>
      {def.fields.length === 0 ? (
        <p>{t('noFields')}</p>
      ) : (
        <table className="object-fields" data-testid="object-fields">
          <thead>
            <tr>
              <th>{t('colName')}</th>
              <th>{t('colLabel')}</th>
              <th>{t('fieldType')}</th>
              <th>{t('flags')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {def.fields.map((f, i) => {
              const wasPublished = published?.fields.some((p) => p.name === f.name) ?? false;
              return (
                <tr key={`${f.name}:${i}`} data-testid={`object-field-row-${f.name}`}>
                  <td>
                    <Link to={`${base}/${f.name}`} data-testid={`object-field-link-${f.name}`}>
                      <code>{f.name}</code>
                    </Link>
                  </td>
                  <td>
                    {label(f.label, f.name)}
                    <IssueList issues={relativeIssues(issues, `/fields/${i}`)} testId={`object-field-issues-${f.name}`} />
                  </td>
                  <td>{typeName(locale, f.type)}</td>
                  <td>{(['required', 'unique', 'indexed'] as const).filter((k) => f[k]).map((k) => t(k)).join(', ')}</td>
                  <td className="row-actions">
                    <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('moveUp')} data-testid={`object-field-up-${f.name}`}>
                      ↑
                    </button>
                    <button type="button" disabled={i === def.fields.length - 1} onClick={() => move(i, 1)} aria-label={t('moveDown')} data-testid={`object-field-down-${f.name}`}>
                      ↓
                    </button>
                    {removing === f.name ? (
                      <span className="confirm" role="alertdialog">
                        <span data-testid="object-field-remove-warning">{t(wasPublished ? 'removePublished' : 'removeDraftOnly', { name: f.name })}</span>
                        <button type="button" className="danger" onClick={() => remove(f.name)} data-testid={`object-field-remove-confirm-${f.name}`}>
                          {t('removeConfirm')}
                        </button>
                        <button type="button" onClick={() => setRemoving(undefined)}>
                          {t('cancel')}
                        </button>
                      </span>
                    ) : (
                      <button type="button" className="danger-link" onClick={() => setRemoving(f.name)} data-testid={`object-field-remove-${f.name}`}>
                        {t('remove')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p className="setting-help">{t('systemFields', { names: SYSTEM_FIELD_NAMES.join(', ') })}</p>
    </section>
  );
}
