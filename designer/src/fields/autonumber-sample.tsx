import { formatAutonumber, parseAutonumberFormat } from '../../../engine/field-types/autonumber/format';
import { useText } from '../i18n/text';
import { fieldMessages } from './messages';

/** Format tokens shown in the help texts (passed as values: the message format would read {YYYY} as a placeholder). */
const TOKENS = { tokens: '{YYYY} {YY} {MM} {DD}', counter: '{00000}' };

/** The first number a format gives today, or the reason it is refused (as a message key). */
export function autonumberSample(format: string, now: Date): { sample: string } | { problem: 'formatCounter' | 'formatToken' | 'formatChar' } {
  const parts = parseAutonumberFormat(format);
  if (typeof parts !== 'string') return { sample: formatAutonumber(parts, 1, now) };
  return { problem: parts.includes('counter') ? 'formatCounter' : parts.includes('unknown') ? 'formatToken' : 'formatChar' };
}

/** An autonumber format box with the number it would give first, today (e.g. QT-{YYYY}-{00000} → QT-2026-00001). */
export function AutonumberFormatInput({ value, onChange, testId, now = new Date(), placeholder }: { value: string; onChange(next: string): void; testId: string; now?: Date; placeholder?: string }) {
  const t = useText(fieldMessages);
  const shown = value || placeholder || '';
  const r = shown ? autonumberSample(shown, now) : undefined;
  return (
    <div className="autonumber-format">
      <input value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
      {r && 'sample' in r && (
        <small className="sample" data-testid={`${testId}-sample`}>
          {t('formatSample', { sample: r.sample })}
        </small>
      )}
      {r && 'problem' in r && (
        <small className="issue" data-testid={`${testId}-problem`}>
          {t(r.problem, TOKENS)}
        </small>
      )}
      <small className="setting-help">{t('formatHelp', TOKENS)}</small>
    </div>
  );
}
