import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import type { DuplicateRefusal } from './duplicate-matches';

/**
 * What a save refused by duplicate rules shows above the form: each rule that
 * matched with links to the records the user may open (and a count of those
 * they cannot see). A warning offers "Save anyway" (sent again with
 * ?allowDuplicates=true) or "Cancel"; a block only "Cancel".
 */
export function DuplicatePrompt({ object, refusal, busy, onSaveAnyway, onCancel }: { object: string; refusal: DuplicateRefusal; busy: boolean; onSaveAnyway(): void; onCancel(): void }) {
  const { t } = useI18n();
  return (
    <div role="alert" className={`tf-banner dup-prompt ${refusal.blocked ? 'dup-blocked' : 'dup-warn'}`} data-testid="duplicate-prompt">
      <strong>{t(refusal.blocked ? 'dup.blockTitle' : 'dup.warnTitle')}</strong>
      <ul className="dup-matches">
        {refusal.matches.map((m, i) => (
          <li key={`${m.rule}-${m.row ?? 0}-${i}`} data-rule={m.rule}>
            <span className="dup-rule">{m.label}</span>
            {': '}
            {m.records.map((r, j) => (
              <span key={r.id}>
                {j > 0 && ', '}
                <Link to={`/app/o/${encodeURIComponent(object)}/${encodeURIComponent(r.id)}`} target="_blank" rel="noopener" data-testid="duplicate-link">
                  {r.name || r.id}
                </Link>
              </span>
            ))}
            {(m.hidden ?? 0) > 0 && <span className="dup-hidden">{`${m.records.length ? ', ' : ''}${t('dup.hidden', { n: m.hidden! })}`}</span>}
            {(m.rows?.length ?? 0) > 0 && <span className="dup-rows">{`${m.records.length || m.hidden ? ', ' : ''}${t('dup.rows', { rows: m.rows!.map((r) => r + 1).join(', ') })}`}</span>}
          </li>
        ))}
      </ul>
      <div className="tf-banner-actions">
        {!refusal.blocked && (
          <button type="button" disabled={busy} onClick={onSaveAnyway} data-testid="duplicate-save-anyway">
            {t('dup.saveAnyway')}
          </button>
        )}
        <button type="button" disabled={busy} onClick={onCancel} data-testid="duplicate-cancel">
          {t('dup.cancel')}
        </button>
      </div>
    </div>
  );
}
