import type { RawLabel } from '../../../engine/shared/metadata-types';
import { useText } from '../i18n/text';
import { picklistMessages } from './messages';
import { labelText, withLabelText } from '../i18n/label-text';

/** English and Chinese inputs for one label; writes `{en, 'zh-CN'}` objects. */
export function LabelInputs({ label, onChange, testIdPrefix }: { label: RawLabel | undefined; onChange(next: RawLabel): void; testIdPrefix: string }) {
  const t = useText(picklistMessages);
  return (
    <div className="picklist-label-inputs">
      <label>
        {t('labelEn')}
        <input value={labelText(label, 'en')} onChange={(e) => onChange(withLabelText(label, 'en', e.target.value))} data-testid={`${testIdPrefix}-en`} />
      </label>
      <label>
        {t('labelZh')}
        <input lang="zh-CN" value={labelText(label, 'zh-CN')} onChange={(e) => onChange(withLabelText(label, 'zh-CN', e.target.value))} data-testid={`${testIdPrefix}-zh`} />
      </label>
    </div>
  );
}
