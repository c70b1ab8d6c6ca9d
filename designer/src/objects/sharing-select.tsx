import type { ReactNode } from 'react';
import { SHARING_MODELS, type SharingModel } from '../../../engine/shared/metadata-types';
import { useText } from '../i18n/text';
import { objectMessages } from './messages';

/** The object's sharing model as a choice, with its help below; `children` (its issues) come last. */
export function SharingSelect({ value, onChange, testId, children }: { value: SharingModel; onChange(next: SharingModel): void; testId: string; children?: ReactNode }) {
  const t = useText(objectMessages);
  return (
    <label className="stacked">
      <span>{t('sharing')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as SharingModel)} data-testid={testId}>
        {SHARING_MODELS.map((s) => (
          <option key={s} value={s}>
            {t(s)}
          </option>
        ))}
      </select>
      <small className="setting-help">{t('sharingHelp')}</small>
      {children}
    </label>
  );
}
