import type { RawObjectDef } from '../../../engine/shared/metadata-types';
import { issuesUnder, type DraftIssue } from '../draft/draft-types';
import { IssueList } from '../draft/issue-list';
import { LabelInputs } from '../fields/label-inputs';
import { useText } from '../i18n/text';
import { objectMessages } from './messages';
import { NameFieldEditor } from './name-field-editor';
import { SharingSelect } from './sharing-select';

/** The object's own settings, written to the draft as they are typed. `issues` are relative to the object. */
export function ObjectDetails({ def, onChange, issues }: { def: RawObjectDef; onChange(next: RawObjectDef): void; issues: DraftIssue[] }) {
  const t = useText(objectMessages);
  const set = <K extends keyof RawObjectDef>(key: K, value: RawObjectDef[K] | undefined) => {
    const next = { ...def, [key]: value };
    if (value === undefined) delete next[key];
    onChange(next);
  };
  const labels = { enText: t('labelEn'), zhText: t('labelZh') };
  return (
    <section className="object-details" data-testid="object-details">
      <h2>{t('details')}</h2>
      <LabelInputs value={def.label} onChange={(l) => set('label', l ?? '')} testId="object-label" legend={t('label')} {...labels} />
      <IssueList issues={issuesUnder(issues, '/label')} testId="object-label-issues" />
      <LabelInputs value={def.pluralLabel} onChange={(l) => set('pluralLabel', l)} testId="object-plural" legend={t('plural')} {...labels} />
      <IssueList issues={issuesUnder(issues, '/pluralLabel')} testId="object-plural-issues" />
      <LabelInputs value={def.description} onChange={(l) => set('description', l)} testId="object-description" legend={t('description')} {...labels} />
      <IssueList issues={issuesUnder(issues, '/description')} testId="object-description-issues" />
      <SharingSelect value={def.sharing ?? 'publicReadWrite'} onChange={(s) => set('sharing', s)} testId="object-sharing">
        <IssueList issues={issuesUnder(issues, '/sharing')} testId="object-sharing-issues" />
      </SharingSelect>
      <NameFieldEditor object={def.name} value={def.nameField} onChange={(nf) => set('nameField', nf)} issues={issuesUnder(issues, '/nameField')} />
    </section>
  );
}
