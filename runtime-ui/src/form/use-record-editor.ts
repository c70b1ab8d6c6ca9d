import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { get, patch, post } from '../api/client';
import type { Describe, RecordData } from '../api/describe';
import { useI18n } from '../i18n/i18n';
import type { RuleContext } from '../../../engine/shared/rules/interpreter';
import { clearDisallowedDependents } from '../widgets/picklist-options';
import { clearDraft, readDraft, saveDraft } from './drafts';
import type { FormModel } from './form-model';
import { NO_ERRORS, type FormErrors } from './form-types';
import { newRecordValues } from './initial-values';
import { evaluateLive, picklistLabels, prepareLiveRules, type LiveState } from './live-rules';
import { useRelatedRecords } from './use-related-records';
import { changedNames, changedValues, createPayload, sameValue } from './payload';
import type { UserFacts } from './rule-variables';
import { saveFailureOf, type SaveFailure } from './server-issues';
import { clientIssues, type ClientIssue } from './validation';

interface EditState {
  /** The record as read (update) or as the form started (create): what PATCH diffs against. */
  baseline: Record<string, unknown>;
  /** What "unsaved changes" compares with. */
  pristine: Record<string, unknown>;
  values: Record<string, unknown>;
  version?: number;
  touched: ReadonlySet<string>;
  submitted: boolean;
  serverErrors: FormErrors;
  failure?: SaveFailure;
  saving: boolean;
  restored: boolean;
}

export interface EditorOptions {
  describe: Describe;
  model: FormModel;
  record?: RecordData;
  initialValues?: Record<string, unknown>;
  user?: UserFacts;
  onSaved(record: RecordData): void;
}

const pick = (values: Record<string, unknown>, names: Iterable<string>) => Object.fromEntries([...names].map((n) => [n, values[n]]));

/** Puts the cursor on the first field with a problem (or brings the form's top into view). */
function focusFirst(issues: { field?: string }[]): void {
  const field = issues.find((i) => i.field)?.field;
  const el = field ? document.getElementById(`root_${field}`) : null;
  const target = el && !el.matches('input, select, textarea') ? el.querySelector<HTMLElement>('input, select, textarea') : el;
  if (target) target.focus();
  else window.scrollTo(0, 0);
}

/**
 * The state of one record form: values as typed, the rules' live verdicts,
 * the errors to show (client checks on touched fields, all after a save
 * attempt, plus the server's), and saving with its failure modes.
 */
export function useRecordEditor({ describe, model, record, initialValues, user, onSaved }: EditorOptions) {
  const i18n = useI18n();
  const { locale, label } = i18n;
  const objectName = describe.object.name;
  const id = record?.id;
  const fields = describe.object.fields;
  const labels = useMemo(() => picklistLabels(fields, locale), [fields, locale]);
  const ruleContext = useCallback(
    (): RuleContext => ({ now: new Date(), ...(user ? { user: { id: user.id, roles: user.roles ?? [], department: user.department ?? null } } : {}), locale, picklistLabels: labels }),
    [user, locale, labels],
  );
  const rules = useMemo(() => prepareLiveRules(describe, user), [describe, user]);

  const [edit, setEdit] = useState<EditState>(() => {
    const draft = readDraft(objectName, id);
    const base = record ? { ...record } : newRecordValues(fields, model.editable, initialValues ?? {}, ruleContext());
    const version = draft?.version ?? record?.version;
    return { baseline: base, pristine: base, values: draft ? { ...base, ...draft.values } : base, ...(version !== undefined ? { version } : {}), touched: new Set(), submitted: false, serverErrors: NO_ERRORS, saving: false, restored: Boolean(draft) };
  });
  useEffect(() => {
    if (edit.restored) clearDraft(objectName, id);
  }, [edit.restored, objectName, id]);

  const related = useRelatedRecords(rules.relatedNeeded, edit.values);
  const live: LiveState = useMemo(
    () => evaluateLive(rules, edit.values, ruleContext(), model.mode === 'update' ? edit.baseline : undefined, related),
    [rules, edit.values, edit.baseline, ruleContext, model.mode, related],
  );
  const stored = model.mode === 'update' ? edit.baseline : undefined;
  const issues: ClientIssue[] = useMemo(() => (edit.touched.size || edit.submitted ? clientIssues(model, edit.values, live, i18n, stored) : []), [model, edit.values, edit.touched, edit.submitted, live, i18n, stored]);

  const errors: FormErrors = useMemo(() => {
    const shown = edit.submitted ? issues : issues.filter((i) => i.reads.some((r) => edit.touched.has(r)));
    const fieldErrors: Record<string, string[]> = {};
    const add = (f: string, m: string) => {
      const list = (fieldErrors[f] ??= []);
      if (!list.includes(m)) list.push(m);
    };
    for (const i of shown) if (i.field) add(i.field, i.message);
    for (const [f, ms] of Object.entries(edit.serverErrors.fields)) ms.forEach((m) => add(f, m));
    const top = [...new Set([...shown.filter((i) => !i.field).map((i) => i.message), ...edit.serverErrors.top])];
    return { fields: fieldErrors, top };
  }, [issues, edit.submitted, edit.touched, edit.serverErrors]);

  const required = useMemo(() => new Set([...model.editable].filter((n) => (model.placed.get(n)!.def.required || live.required.has(n)) && !live.readOnly.has(n))), [model, live]);
  const dirty = [...model.editable].some((n) => !sameValue(edit.values[n], edit.pristine[n]));
  const dirtyRef = useRef(false);
  dirtyRef.current = dirty;
  const latest = useRef({ edit, live });
  latest.current = { edit, live };

  /** A change from the form: dependent picklists a new controlling value no longer allows are cleared. */
  const change = useCallback(
    (formData: Record<string, unknown>) =>
      setEdit((prev) => {
        const next = clearDisallowedDependents(fields, { ...prev.values, ...pick(formData, model.formFields) });
        const changed = changedNames(next, prev.values);
        if (!changed.length) return prev;
        const fieldErrors = { ...prev.serverErrors.fields };
        changed.forEach((n) => delete fieldErrors[n]);
        return { ...prev, values: next, touched: new Set([...prev.touched, ...changed]), serverErrors: { fields: fieldErrors, top: [] } };
      }),
    [fields, model],
  );

  const labelOf = useCallback((n: string) => label(fields.find((f) => f.name === n)?.label, n), [fields, label]);

  const save = useCallback(
    async (overrideVersion?: number, allowDuplicates = false) => {
      const { edit: cur, live: now } = latest.current;
      const problems = clientIssues(model, cur.values, now, i18n, model.mode === 'update' ? cur.baseline : undefined);
      if (problems.length) {
        setEdit((p) => ({ ...p, submitted: true }));
        focusFirst(problems);
        return;
      }
      setEdit((p) => ({ ...p, submitted: true, saving: true, failure: undefined }));
      try {
        let saved: RecordData;
        if (model.mode === 'create') {
          saved = await post<RecordData>(`/records/${encodeURIComponent(objectName)}${allowDuplicates ? '?allowDuplicates=true' : ''}`, createPayload(cur.values, model.editable, now.readOnly));
        } else {
          const change = changedValues(cur.values, cur.baseline, model.editable);
          saved = Object.keys(change).length
            ? await patch<RecordData>(`/records/${encodeURIComponent(objectName)}/${encodeURIComponent(id!)}${allowDuplicates ? '?allowDuplicates=true' : ''}`, { ...change, version: overrideVersion ?? cur.version })
            : (cur.baseline as RecordData);
        }
        clearDraft(objectName, id);
        dirtyRef.current = false;
        setEdit((p) => ({ ...p, saving: false, pristine: p.values }));
        onSaved(saved);
      } catch (e) {
        const failure = saveFailureOf(e, (f) => model.placed.has(f) && !latest.current.live.hidden.has(f), labelOf);
        if (failure.kind === 'session') saveDraft(objectName, id, { values: pick(cur.values, model.editable), ...(cur.version !== undefined ? { version: cur.version } : {}) });
        setEdit((p) => ({ ...p, saving: false, failure, serverErrors: failure.errors }));
        if (failure.kind === 'invalid') focusFirst(Object.keys(failure.errors.fields).map((field) => ({ field })));
      }
    },
    [model, i18n, objectName, id, onSaved, labelOf],
  );

  /** After a conflict: drop the typed changes and show the record as it is now. */
  const reload = useCallback(async () => {
    setEdit((p) => ({ ...p, saving: true }));
    try {
      const fresh = await get<RecordData>(`/records/${encodeURIComponent(objectName)}/${encodeURIComponent(id!)}`);
      setEdit({ baseline: { ...fresh }, pristine: { ...fresh }, values: { ...fresh }, version: fresh.version, touched: new Set(), submitted: false, serverErrors: NO_ERRORS, saving: false, restored: false });
    } catch (e) {
      const failure = saveFailureOf(e, () => false, labelOf);
      setEdit((p) => ({ ...p, saving: false, failure, serverErrors: failure.errors }));
    }
  }, [objectName, id, labelOf]);

  /** After a conflict: send my changes again over the current version. */
  const keepMine = useCallback(() => save(latest.current.edit.failure?.currentVersion), [save]);

  /** After a duplicate warning: the same save, telling the server the user saw the possible duplicates. */
  const saveAnyway = useCallback(() => save(undefined, true), [save]);
  /** After a duplicate refusal: back to editing, values untouched. */
  const dismissFailure = useCallback(() => setEdit((p) => ({ ...p, failure: undefined })), []);

  return { edit, live, errors, required, dirtyRef, change, save, reload, keepMine, saveAnyway, dismissFailure };
}
