import { useState, type FormEvent } from 'react';
import type { RawLabel } from '../../../engine/shared/metadata-types';
import { useRouter } from '../../../runtime-ui/src/router/router';
import { useDraft } from '../draft/draft-store';
import { useText } from '../i18n/text';
import { LabelInputs } from './label-inputs';
import { picklistMessages } from './messages';
import { VALUE_SET_NAME } from './value-set-usage';

/** Creates a value set in the draft (no values yet: its page asks for them) and opens it. */
export function NewValueSetForm() {
  const t = useText(picklistMessages);
  const { snapshot, putValueSet } = useDraft();
  const { navigate } = useRouter();
  const [name, setName] = useState('');
  const [label, setLabel] = useState<RawLabel>({});
  const problem = !name ? undefined : !VALUE_SET_NAME.test(name) ? t('nameBad') : snapshot.valueSets[name] ? t('nameTaken') : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name || problem) return;
    putValueSet({ name, label: Object.keys(label).length ? label : { en: name }, values: [] });
    navigate(`/designer/value-sets/${name}`);
  };
  return (
    <form className="value-set-new" onSubmit={submit} data-testid="value-set-new">
      <h2>{t('newTitle')}</h2>
      <label>
        {t('newName')}
        <input value={name} onChange={(e) => setName(e.target.value.trim())} aria-invalid={!!problem} data-testid="value-set-new-name" />
      </label>
      {problem && (
        <p className="issue" data-testid="value-set-new-problem">
          {problem}
        </p>
      )}
      <LabelInputs label={label} onChange={setLabel} testIdPrefix="value-set-new-label" />
      <button type="submit" disabled={!name || !!problem} data-testid="value-set-create">
        {t('newCreate')}
      </button>
    </form>
  );
}
