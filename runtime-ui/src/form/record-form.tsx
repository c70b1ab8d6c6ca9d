import Form from '@rjsf/core';
import { useEffect, useMemo, type ReactNode } from 'react';
import type { Describe, RecordData } from '../api/describe';
import { useMetadata } from '../api/metadata';
import { useI18n } from '../i18n/i18n';
import { ApiErrorView } from '../shell/api-error-view';
import { useSession } from '../shell/session';
import { widgets } from '../widgets/registry';
import { FormNotices } from './form-notices';
import { DuplicatePrompt } from '../duplicates/duplicate-prompt';
import { FormRuntimeProvider, type FormRuntime } from './form-runtime';
import { buildFormModel, type FormModel } from './form-model';
import type { UserFacts } from './rule-variables';
import { templates } from './templates';
import { useLeaveGuard } from './use-leave-guard';
import { useRecordEditor } from './use-record-editor';
import { formValidator } from './schema-validator';
import { warmUpValidator } from './validation';

export interface RecordFormProps {
  /** The object's describe (fields the user may read, access, layout, rules). */
  describe: Describe;
  /** Values a new record starts with, e.g. the parent from a related list ({ account: id }). */
  initialValues?: Record<string, unknown>;
  /** The record to edit; absent to create one. */
  record?: RecordData;
  /** The server's payload schema for this mode; fetched when absent. */
  schema?: Record<string, unknown>;
  /** Called with the record as the server saved it. */
  onSaved(record: RecordData): void;
  onCancel?(): void;
  /** Extra buttons next to Save. */
  actions?: ReactNode;
}

/** The session's facts about the user that rules may read ($user.id; roles and department when /auth/me has them). */
function userFacts(me: ReturnType<typeof useSession>['me']): UserFacts | undefined {
  if (!me) return undefined;
  const extra = me as unknown as { roles?: unknown; department?: unknown };
  return {
    id: me.id,
    ...(Array.isArray(extra.roles) ? { roles: extra.roles as string[] } : {}),
    ...(typeof extra.department === 'string' || extra.department === null ? { department: extra.department as string | null } : {}),
  };
}

/**
 * A record form generated from the object's JSON Schema and page layout:
 * create (POST) or edit (PATCH with the version), rules evaluated live,
 * the server's verdict mapped back onto the fields.
 */
export function RecordForm(props: RecordFormProps) {
  const { t } = useI18n();
  const mode = props.record ? 'update' : 'create';
  const path = props.schema ? null : `/metadata/objects/${encodeURIComponent(props.describe.object.name)}/schema?mode=${mode}`;
  const fetched = useMetadata<Record<string, unknown>>(path);
  const schema = props.schema ?? fetched.data;
  const prefilled = Object.keys(props.initialValues ?? {}).sort().join(',');
  const model = useMemo(() => (schema ? buildFormModel(props.describe, schema, mode, prefilled ? prefilled.split(',') : []) : undefined), [props.describe, schema, mode, prefilled]);
  if (fetched.error) return <ApiErrorView error={fetched.error} retry={fetched.reload} />;
  if (!model) return <p>{t('common.loading')}</p>;
  return <RecordFormBody {...props} model={model} />;
}

function RecordFormBody(props: RecordFormProps & { model: FormModel }) {
  const { model, describe } = props;
  const { t } = useI18n();
  const { me } = useSession();
  const user = useMemo(() => userFacts(me), [me]);
  const editor = useRecordEditor({ describe, model, user, onSaved: props.onSaved, ...(props.record ? { record: props.record } : {}), ...(props.initialValues ? { initialValues: props.initialValues } : {}) });
  const { edit, live, errors, required } = editor;
  useLeaveGuard(editor.dirtyRef, t('form.leaveConfirm'));
  useEffect(() => {
    performance.mark('tf-form-ready');
    // Compile the schema while the user reads the form, not on their first keystroke.
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 50));
    idle(() => warmUpValidator(model));
  }, [model]);

  const defs = useMemo(() => new Map(describe.object.fields.map((f) => [f.name, f])), [describe]);
  const runtime: FormRuntime = useMemo(
    () => ({ mode: model.mode, values: edit.values, defs, sections: model.sections, live, errors: errors.fields, required }),
    [model, edit.values, defs, live, errors.fields, required],
  );
  const formData = useMemo(() => Object.fromEntries(model.formFields.map((n) => [n, edit.values[n]])), [model, edit.values]);
  const fieldErrorCount = Object.keys(errors.fields).length;
  return (
    <div className="tf-form-wrap">
      {edit.restored && (
        <p role="status" className="tf-notice">
          {t('form.draftRestored')}
        </p>
      )}
      {model.editable.size === 0 && <p className="tf-notice">{model.mode === 'create' && !describe.access.create ? t('form.cannotCreate') : t('form.readOnlyNotice')}</p>}
      <FormNotices failure={edit.failure} busy={edit.saving} onRetry={() => void editor.save()} onReload={() => void editor.reload()} onKeepMine={() => void editor.keepMine()} />
      {edit.failure?.duplicates && <DuplicatePrompt object={describe.object.name} refusal={edit.failure.duplicates} busy={edit.saving} onSaveAnyway={() => void editor.saveAnyway()} onCancel={editor.dismissFailure} />}
      {(errors.top.length > 0 || (edit.submitted && fieldErrorCount > 0)) && (
        <div role="alert" className="tf-errors" data-testid="form-errors">
          {edit.submitted && fieldErrorCount > 0 && <p>{t('form.errorsTitle')}</p>}
          {errors.top.length > 0 && (
            <ul>
              {errors.top.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <FormRuntimeProvider value={runtime}>
        <Form
          className="tf-form"
          schema={model.schema}
          uiSchema={model.uiSchema}
          formData={formData}
          validator={formValidator}
          widgets={widgets}
          templates={templates}
          noValidate
          noHtml5Validate
          showErrorList={false}
          onChange={(e) => editor.change((e.formData ?? {}) as Record<string, unknown>)}
          onSubmit={() => void editor.save()}
        >
          <div className="tf-actions">
            <button type="submit" className="tf-primary" disabled={edit.saving || model.editable.size === 0} data-testid="form-save">
              {edit.saving ? t('form.saving') : t('common.save')}
            </button>
            {props.onCancel && (
              <button type="button" onClick={props.onCancel}>
                {t('common.cancel')}
              </button>
            )}
            {props.actions}
          </div>
        </Form>
      </FormRuntimeProvider>
    </div>
  );
}
