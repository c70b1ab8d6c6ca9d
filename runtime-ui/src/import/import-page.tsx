import { useState, type DragEvent } from 'react';
import type { ImportJob, ImportMapping, ImportMode, UploadResult } from '../../../engine/shared/api/imports';
import { ApiError } from '../api/api-error';
import { useDescribe } from '../api/metadata';
import { useI18n } from '../i18n/i18n';
import { Link } from '../router/router';
import { ApiErrorView } from '../shell/api-error-view';
import { cancelImport, putMapping, startDryRun, startImport, uploadImport } from './import-api';
import { ImportProgress, useImportJob } from './import-progress';
import { MappingTable } from './mapping-table';
import './import.css';

/** The issues of a refused mapping (IMPORT_MAPPING_INVALID), one line each. */
const issuesOf = (e: ApiError) => ((e.details.issues as { path: string; message: string }[] | undefined) ?? []).map((i) => `${i.path}: ${i.message}`);

/** Upload: a file input and a drop zone, with the encoding to read it in. */
function UploadStep({ object, onUploaded }: { object: string; onUploaded(r: UploadResult): void }) {
  const { t } = useI18n();
  const [encoding, setEncoding] = useState('auto');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const send = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      onUploaded(await uploadImport(object, file, encoding));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK_ERROR', String(e)));
    } finally {
      setBusy(false);
    }
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void send(e.dataTransfer.files[0]);
  };
  return (
    <section className="imp-upload">
      <div className={`imp-drop${over ? ' over' : ''}`} onDragOver={(e) => (e.preventDefault(), setOver(true))} onDragLeave={() => setOver(false)} onDrop={drop} data-testid="import-drop">
        <p>{t('import.drop')}</p>
        <input type="file" accept=".csv,text/csv" aria-label={t('import.file')} disabled={busy} onChange={(e) => void send(e.target.files?.[0])} data-testid="import-file" />
      </div>
      <label>
        {t('import.encoding')}{' '}
        <select value={encoding} onChange={(e) => setEncoding(e.target.value)} data-testid="import-encoding">
          <option value="auto">{t('import.encoding.auto')}</option>
          <option value="utf-8">UTF-8</option>
          <option value="gbk">GBK / GB18030</option>
        </select>
      </label>
      {busy && <p>{t('common.loading')}</p>}
      {error && <ApiErrorView error={error} />}
    </section>
  );
}

/** Mapping, mode and key, then a dry run or the import itself. */
function MappingStep({ object, upload, onQueued }: { object: string; upload: UploadResult; onQueued(job: ImportJob): void }) {
  const { t, label } = useI18n();
  const describe = useDescribe(object);
  const [mapping, setMapping] = useState<ImportMapping>(upload.suggestedMapping);
  const [mode, setMode] = useState<ImportMode>('insert');
  const [key, setKey] = useState('');
  const [allowDuplicates, setAllowDuplicates] = useState(false);
  const [error, setError] = useState<ApiError>();
  const fields = describe.data?.object.fields ?? [];
  const run = async (what: 'dry-run' | 'start') => {
    setError(undefined);
    try {
      const full = Object.fromEntries(upload.header.map((c) => [c, mapping[c] ?? null]));
      await putMapping(object, upload.import.id, { mapping: full, mode, ...(mode !== 'insert' ? { key } : {}) });
      onQueued(what === 'dry-run' ? await startDryRun(object, upload.import.id) : await startImport(object, upload.import.id, allowDuplicates));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'NETWORK_ERROR', String(e)));
    }
  };
  if (describe.error) return <ApiErrorView error={describe.error} retry={describe.reload} />;
  if (!describe.data) return <p>{t('common.loading')}</p>;
  return (
    <section className="imp-mapping-step">
      <p data-testid="import-detected">{t('import.detected', { encoding: upload.encoding.toUpperCase(), rows: upload.rows })}</p>
      <MappingTable header={upload.header} preview={upload.preview} fields={fields} mapping={mapping} onChange={setMapping} />
      <div className="imp-options">
        <label>
          {t('import.mode')}{' '}
          <select value={mode} onChange={(e) => setMode(e.target.value as ImportMode)} data-testid="import-mode">
            <option value="insert">{t('import.mode.insert')}</option>
            <option value="update">{t('import.mode.update')}</option>
            <option value="upsert">{t('import.mode.upsert')}</option>
          </select>
        </label>
        {mode !== 'insert' && (
          <label>
            {t('import.key')}{' '}
            <select value={key} onChange={(e) => setKey(e.target.value)} data-testid="import-key">
              <option value="" />
              {Object.values(mapping).map((m) => (
                <option key={m.field} value={m.field}>
                  {label(fields.find((f) => f.name === m.field)?.label, m.field)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="lv-inline">
          <input type="checkbox" checked={allowDuplicates} onChange={(e) => setAllowDuplicates(e.target.checked)} data-testid="import-allow-duplicates" />
          {t('import.allowDuplicates')}
        </label>
      </div>
      {error && (
        <div role="alert" className="form-error" data-testid="import-error">
          {error.message}
          <ul>
            {issuesOf(error).map((i) => (
              <li key={i}>{i}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="imp-actions">
        <button type="button" onClick={() => void run('dry-run')} data-testid="import-dry-run">
          {t('import.dryRun')}
        </button>
        <button type="button" className="lv-primary" onClick={() => void run('start')} data-testid="import-start">
          {t('import.start')}
        </button>
      </div>
    </section>
  );
}

/** The dry run's findings: counts and the row errors. */
function DryRunResult({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  const d = job.dryRun;
  if (!d) return null;
  return (
    <section data-testid="import-dry-run-result">
      <p>{t('import.dryRun.result', { inserted: d.inserted, updated: d.updated, rejected: d.rejected })}</p>
      {d.errors.length > 0 && (
        <table className="imp-errors">
          <tbody>
            {d.errors.map((e) => (
              <tr key={`${e.line}:${e.error}`}>
                <td>{t('import.line', { n: e.line })}</td>
                <td>{e.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * /app/o/:object/import: upload a CSV (UTF-8 or GBK), check the detected
 * encoding and the first rows, map columns to fields (suggested by the
 * server), choose insert / update / upsert, dry-run to see the row errors,
 * start, watch the progress bar, then download the rejected rows.
 */
export function ImportPage({ object }: { object: string }) {
  const { t, label } = useI18n();
  const describe = useDescribe(object);
  const [upload, setUpload] = useState<UploadResult>();
  const [queued, setQueued] = useState<ImportJob>();
  return (
    <main className="imp-page">
      <header>
        <h1>{t('import.title', { object: label(describe.data?.object.pluralLabel ?? describe.data?.object.label, object) })}</h1>
        <Link to={`/app/o/${encodeURIComponent(object)}`}>{t('import.back')}</Link>
      </header>
      {!upload && <UploadStep object={object} onUploaded={setUpload} />}
      {upload && (!queued || queued.status === 'uploaded') && <MappingStep object={object} upload={upload} onQueued={setQueued} />}
      {upload && queued && <Running object={object} initial={queued} onBack={() => setQueued(undefined)} />}
    </main>
  );
}

function Running({ object, initial, onBack }: { object: string; initial: ImportJob; onBack(): void }) {
  const { t } = useI18n();
  const job = useImportJob(object, initial);
  const [cancelled, setCancelled] = useState<ImportJob>();
  const shown = cancelled ?? job;
  return (
    <>
      <ImportProgress object={object} job={shown} onCancel={() => void cancelImport(object, job.id).then(setCancelled, () => undefined)} />
      {shown.status === 'ready' && (
        <>
          <DryRunResult job={shown} />
          <button type="button" onClick={onBack} data-testid="import-back-to-mapping">
            {t('import.backToMapping')}
          </button>
        </>
      )}
    </>
  );
}
