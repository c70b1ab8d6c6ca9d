import { useEffect, useMemo, useState } from 'react';
import { evaluateRule, type RuleContext } from '../../../engine/shared/rules/interpreter';
import { truthy } from '../../../engine/shared/rules/operations/values';
import { get } from '../../../runtime-ui/src/api/client';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { useSession } from '../../../runtime-ui/src/shell/session';
import { useDraft } from '../draft/draft-store';
import { useText } from '../i18n/text';
import { ruleMessages } from './messages';
import { lookupPathsOf, withRelated, type FetchRecord } from './related-records';
import { picklistLabelsOf } from './rule-fields';

type Row = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const fetchRecord: FetchRecord = (object, id) => get<Row>(`/records/${encodeURIComponent(object)}/${encodeURIComponent(id)}`);
const nameOf = (r: Row) => (typeof r.name === 'string' && r.name ? r.name : String(r.id ?? ''));

/** The record under test: loaded (then re-expanded whenever the rule reads other lookups) or typed by hand. */
type Subject = { source: 'record'; label: string; base: Row; record?: Row } | { source: 'sample'; record: Row };

/**
 * "Test against a record": find a record of the object (quick search or a
 * pasted id), or type sample values, and see what the shared interpreter
 * makes of the rule, with the related records it reads through lookups,
 * $user as the signed-in admin and $now as now.
 */
export function RuleTester({ object, rule, mode, tid }: { object: string; rule: unknown; mode: 'condition' | 'expression'; tid: string }) {
  const t = useText(ruleMessages);
  const { locale } = useI18n();
  const { me } = useSession();
  const { snapshot } = useDraft();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Row[]>();
  const [subject, setSubject] = useState<Subject>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [sample, setSample] = useState('{}');

  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));
  const pathsKey = JSON.stringify(lookupPathsOf(rule));
  const base = subject?.source === 'record' ? subject.base : undefined;

  // Related records are (re)loaded for the lookups the rule reads now.
  useEffect(() => {
    if (!base) return;
    let live = true;
    withRelated(snapshot, object, base, JSON.parse(pathsKey) as string[][], fetchRecord).then(
      (record) => live && setSubject((s) => (s?.source === 'record' && s.base === base ? { ...s, record } : s)),
      (e: unknown) => live && fail(e),
    );
    return () => {
      live = false;
    };
  }, [base, pathsKey, snapshot, object]);

  const find = async () => {
    setError(undefined);
    setBusy(true);
    try {
      if (UUID.test(query.trim())) {
        await load(query.trim());
      } else {
        const answer = await get<{ records: Row[] }>(`/records/${encodeURIComponent(object)}?${new URLSearchParams({ q: query, limit: '10' })}`);
        setFound(answer.records);
      }
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const load = async (id: string) => {
    setError(undefined);
    const record = await fetchRecord(object, id);
    setFound(undefined);
    setSubject({ source: 'record', label: nameOf(record), base: record });
  };
  const runSample = () => {
    try {
      const parsed: unknown = JSON.parse(sample);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('{ "field": value }');
      setError(undefined);
      setSubject({ source: 'sample', record: parsed as Row });
    } catch (e) {
      setError(t('testBadSample', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const labels = useMemo(() => picklistLabelsOf(snapshot, object, locale), [snapshot, object, locale]);
  const context: RuleContext = { now: new Date(), ...(me ? { user: { id: me.id, roles: rolesOf(me), department: departmentOf(me) } } : {}), locale, picklistLabels: labels };
  const result = subject?.record && rule !== undefined ? evaluateRule(rule, subject.record, context) : undefined;

  return (
    <section className="rule-tester">
      <h4>{t('testTitle')}</h4>
      <div className="rule-tester-find">
        <input
          data-testid={`${tid}-test-record`}
          type="search"
          placeholder={t('testPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void find();
            }
          }}
        />
        <button type="button" data-testid={`${tid}-test-find`} disabled={busy} onClick={() => void find()}>
          {t('testFind')}
        </button>
      </div>
      {found && found.length === 0 && <p>{t('testNoRecords')}</p>}
      {found && found.length > 0 && (
        <ul className="rule-tester-found">
          {found.map((r, i) => (
            <li key={String(r.id)}>
              <button type="button" className="link" data-testid={`${tid}-test-pick-${i}`} onClick={() => void load(String(r.id)).catch(fail)}>
                {nameOf(r)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="rule-tester-sample">
        {t('testSample')}
        <textarea data-testid={`${tid}-test-sample`} rows={3} spellCheck={false} value={sample} onChange={(e) => setSample(e.target.value)} />
      </label>
      <button type="button" data-testid={`${tid}-test-run-sample`} onClick={runSample}>
        {t('testRunSample')}
      </button>
      {busy && <p>{t('testLoading')}</p>}
      {error && (
        <p className="issue" role="alert" data-testid={`${tid}-test-result`}>
          {t('testError', { message: error })}
        </p>
      )}
      {!error && subject?.record && rule !== undefined && (
        <p className="rule-test-result" data-testid={`${tid}-test-result`} data-value={JSON.stringify(result)}>
          {subject.source === 'record' && <span>{t('testOn', { name: subject.label })} — </span>}
          {mode === 'condition' ? t(truthy(result) ? 'testTrue' : 'testFalse') : t('testValue', { value: JSON.stringify(result) })}
          {mode === 'condition' && typeof result !== 'boolean' && <code> {JSON.stringify(result)}</code>}
        </p>
      )}
    </section>
  );
}

/** Roles and department, when /auth/me carries them (as the runtime form reads them). */
function rolesOf(me: object): string[] {
  const roles = (me as { roles?: unknown }).roles;
  return Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [];
}
function departmentOf(me: object): string | null {
  const d = (me as { department?: unknown }).department;
  return typeof d === 'string' ? d : null;
}
