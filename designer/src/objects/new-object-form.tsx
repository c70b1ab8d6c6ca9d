import { useState } from 'react';
import { useRouter } from '../../../runtime-ui/src/router/router';
import { useDraft } from '../draft/draft-store';
import { issuesUnder, type DraftIssue } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { LabelInputs } from '../fields/label-inputs';
import { useText } from '../i18n/text';
import { objectMessages } from './messages';
import { NameFieldEditor } from './name-field-editor';
import { newObjectDef, newObjectProblems, type NewObjectInput } from './new-object';
import { SharingSelect } from './sharing-select';

const TOKENS = { tokens: '{YYYY} {YY} {MM} {DD}', counter: '{00000}' };

/** Creates an object in the draft (no fields yet) and opens it. */
export function NewObjectForm({ onCancel, now }: { onCancel(): void; now?: Date }) {
  const t = useText(objectMessages);
  const { snapshot, published, draft, putObject } = useDraft();
  const { navigate } = useRouter();
  const [input, setInput] = useState<NewObjectInput>({ name: '', sharing: 'publicReadWrite' });
  const [tried, setTried] = useState(false);
  const taken = [...new Set([...Object.keys(snapshot.objects), ...Object.keys(published?.snapshot.objects ?? {}), ...Object.keys(draft.objects)])];
  const problems = newObjectProblems(input, taken);
  const shown: DraftIssue[] = problems.filter((p) => tried || (p.path === '/name' && input.name !== '') || p.path === '/nameField').map((p) => ({ path: p.path, code: p.code, message: t(p.code, { name: input.name, ...TOKENS }) }));
  const set = (patch: Partial<NewObjectInput>) => setInput((old) => ({ ...old, ...patch }));

  const create = () => {
    if (problems.length) return setTried(true);
    putObject(newObjectDef(input));
    navigate(`/designer/objects/${input.name}`);
  };
  return (
    <form
      className="new-object-form"
      data-testid="object-new-form"
      onSubmit={(e) => {
        e.preventDefault();
        create();
      }}
    >
      <h2>{t('newObject')}</h2>
      <label className="stacked">
        <span>{t('name')}</span>
        <input value={input.name} onChange={(e) => set({ name: e.target.value })} data-testid="object-new-name" />
        <small className="setting-help">{t('nameHelp')}</small>
        <IssueList issues={issuesUnder(shown, '/name')} testId="object-new-name-issues" />
      </label>
      <LabelInputs value={input.label} onChange={(label) => set({ label })} testId="object-new-label" legend={t('label')} enText={t('labelEn')} zhText={t('labelZh')} />
      <IssueList issues={issuesUnder(shown, '/label')} testId="object-new-label-issues" />
      <LabelInputs value={input.pluralLabel} onChange={(pluralLabel) => set({ pluralLabel })} testId="object-new-plural" legend={t('plural')} enText={t('labelEn')} zhText={t('labelZh')} />
      <SharingSelect value={input.sharing} onChange={(sharing) => set({ sharing })} testId="object-new-sharing" />
      <NameFieldEditor object={input.name} value={input.nameField} onChange={(nameField) => set({ nameField })} issues={issuesUnder(shown, '/nameField')} now={now} />
      <div className="actions">
        <button type="submit" className="primary" data-testid="object-new-create">
          {t('create')}
        </button>
        <button type="button" onClick={onCancel} data-testid="object-new-cancel">
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
