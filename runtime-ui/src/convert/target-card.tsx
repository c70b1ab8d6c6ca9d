import { useEffect, useMemo, useState } from 'react';
import type { ConversionPreview, TargetChoice } from '../../../engine/shared/api/conversion';
import type { ApiError } from '../api/api-error';
import type { FieldDef } from '../api/describe';
import { useDescribe } from '../api/metadata';
import { useI18n } from '../i18n/i18n';
import { lookupRefs, useDisplayNames } from '../record/record-names';
import { searchRecords, type LookupHit } from '../widgets/lookup-search';
import { ValueInput } from './value-input';

type TargetPreview = ConversionPreview['targets'][number];

/** The issues of a refusal that concern this target, by what they point at ('' for the target as a whole). */
export function targetIssues(error: ApiError | undefined, key: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!error) return out;
  const add = (at: string, message: string) => out.set(at, [...(out.get(at) ?? []), message]);
  const prefix = `/targets/${key}`;
  const mine = error.issues.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}/`));
  for (const i of mine) {
    const rest = i.path.slice(prefix.length);
    const field = /^\/values\/([^/]+)/.exec(rest)?.[1];
    add(field ?? '', i.message);
  }
  if (error.details.target === key && !mine.length) add('', error.message);
  return out;
}

/** Existing records to attach: the duplicate rules' suggestions first, then what the user searches for. */
function ExistingPicker({ target, chosen, onChoose }: { target: TargetPreview; chosen?: string; onChoose(id: string): void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<LookupHit[]>([]);
  useEffect(() => {
    if (!q.trim()) return setHits([]);
    let live = true;
    const timer = setTimeout(() => void searchRecords(target.object, q).then((h) => live && setHits(h), () => undefined), 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, target.object]);
  const suggested = target.suggestions.flatMap((s) => s.records.map((r) => ({ ...r, rule: s.label })));
  const seen = new Set(suggested.map((r) => r.id));
  const option = (r: { id: string; name: string; rule?: string }) => (
    <li key={r.id}>
      <label>
        <input type="radio" name={`existing-${target.key}`} checked={chosen === r.id} onChange={() => onChoose(r.id)} data-testid={`convert-existing-${target.key}-${r.id}`} />
        {r.name}
        {r.rule && <span className="rp-badge">{r.rule}</span>}
      </label>
    </li>
  );
  return (
    <div className="cv-existing" data-testid={`convert-existing-${target.key}`}>
      {suggested.length ? <p>{t('convert.suggested')}</p> : <p>{t('convert.noSuggestions')}</p>}
      <ul>{suggested.map(option)}</ul>
      <input type="search" placeholder={t('convert.search')} aria-label={t('convert.search')} value={q} onChange={(e) => setQ(e.target.value)} data-testid={`convert-search-${target.key}`} />
      <ul>{hits.filter((h) => !seen.has(h.id)).map(option)}</ul>
    </div>
  );
}

/**
 * One target of the conversion: create a new record (its mapped values,
 * editable), attach an existing one (when allowed) or skip it (when
 * optional); the server's refusals for this target beside the field they name.
 */
export function TargetCard({ target, choice, overrides, error, labelOf, onChoice, onOverride }: {
  target: TargetPreview;
  /** A target key's label (for "linked to the account"). */
  labelOf(key: string): string;
  choice: TargetChoice;
  overrides: Record<string, unknown>;
  error?: ApiError;
  onChoice(c: TargetChoice): void;
  onOverride(field: string, value: unknown): void;
}) {
  const { t, label } = useI18n();
  const describe = useDescribe(target.object);
  const fields = useMemo(() => new Map<string, FieldDef>((describe.data?.object.fields ?? []).map((f) => [f.name, f])), [describe.data]);
  const values = { ...target.values, ...overrides };
  const refs = useMemo(() => lookupRefs([...fields.values()], [values]), [fields, JSON.stringify(values)]); // eslint-disable-line react-hooks/exhaustive-deps
  const names = useDisplayNames(refs);
  const issues = targetIssues(error, target.key);
  const radio = (action: TargetChoice['action'], text: string) => (
    <label>
      <input
        type="radio"
        name={`action-${target.key}`}
        checked={choice.action === action}
        onChange={() => onChoice(action === 'create' ? { action, values: {} } : action === 'skip' ? { action } : { action, id: '' })}
        data-testid={`convert-action-${target.key}-${action}`}
      />
      {text}
    </label>
  );
  return (
    <fieldset className="cv-target" data-testid={`convert-target-${target.key}`}>
      <legend>{label(target.label, target.key)}</legend>
      <div className="cv-actions">
        {radio('create', t('convert.createNew'))}
        {target.allowExisting && radio('existing', t('convert.attachExisting'))}
        {target.optional && radio('skip', t('convert.skip'))}
      </div>
      {[...issues].flatMap(([at, ms]) => (at === '' || target.fields.includes(at) ? [] : ms.map((m) => `${fields.get(at) ? label(fields.get(at)!.label, at) : at}: ${m}`))).concat(issues.get('') ?? []).map((m) => (
        <p key={m} role="alert" className="api-error" data-testid={`convert-error-${target.key}`}>
          {m}
        </p>
      ))}
      {choice.action === 'existing' && <ExistingPicker target={target} chosen={choice.id || undefined} onChoose={(id) => onChoice({ action: 'existing', id })} />}
      {choice.action === 'create' && (
        <table className="cv-values">
          <tbody>
            {target.fields.map((name) => {
              const f = fields.get(name);
              return (
                <tr key={name} data-field={name}>
                  <th>{f ? label(f.label, name) : name}</th>
                  <td>
                    {f ? <ValueInput field={f} value={values[name]} names={names} onChange={(v) => onOverride(name, v)} testId={`convert-value-${target.key}-${name}`} /> : String(values[name] ?? '')}
                    {(issues.get(name) ?? []).map((m) => (
                      <span key={m} role="alert" className="field-error" data-testid={`convert-error-${target.key}-${name}`}>
                        {m}
                      </span>
                    ))}
                  </td>
                </tr>
              );
            })}
            {Object.entries(target.links).map(([field, key]) => (
              <tr key={field} data-field={field}>
                <th>{fields.get(field) ? label(fields.get(field)!.label, field) : field}</th>
                <td>{t('convert.linkedTo', { target: labelOf(key) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </fieldset>
  );
}
