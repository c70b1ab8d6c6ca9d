import { useState } from 'react';
import type { RawPicklistValue } from '../../../engine/shared/metadata-types';
import { useText } from '../i18n/text';
import { picklistMessages } from './messages';
import { parsePasted } from './picklist-values-model';

/** "Paste many": one value per line as `value,English,中文`, appended after the existing values. */
export function PasteValues({ values, onAdd }: { values: RawPicklistValue[]; onAdd(added: RawPicklistValue[]): void }) {
  const t = useText(picklistMessages);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [result, setResult] = useState<string>();
  if (!open)
    return (
      <>
        <button type="button" onClick={() => setOpen(true)} data-testid="picklist-paste-open">
          {t('pasteOpen')}
        </button>
        {result && (
          <span className="picklist-paste-result" data-testid="picklist-paste-result">
            {result}
          </span>
        )}
      </>
    );
  const apply = () => {
    const { added, skipped } = parsePasted(text, values);
    if (added.length) onAdd(added);
    setResult(t('pasteResult', { added: added.length, skipped }));
    setText('');
    setOpen(false);
  };
  return (
    <div className="picklist-paste">
      <label>
        {t('pasteTitle')}
        <textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} placeholder={'gd,Guangdong,广东\nzj,Zhejiang,浙江'} data-testid="picklist-paste-text" />
      </label>
      <button type="button" onClick={apply} disabled={!text.trim()} data-testid="picklist-paste-apply">
        {t('pasteApply')}
      </button>
      <button type="button" className="link" onClick={() => setOpen(false)}>
        {t('pasteCancel')}
      </button>
    </div>
  );
}
