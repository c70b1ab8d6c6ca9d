import { useText } from '../i18n/text';
import { commonMessages } from './common-messages';
import { nameProblem } from './rule-names';

interface Props {
  /** The test id prefix of the area (`rules`, `dup`, `assign`): `${prefix}-name-${index}`… */
  prefix: string;
  rules: readonly { name: string; active?: boolean }[];
  index: number;
  onName(name: string): void;
  onActive(active: boolean): void;
  /** Moves the rule up or down; without it the rules have no order and no move buttons are shown. */
  onMove?: (delta: -1 | 1) => void;
  onRemove(): void;
}

/** The head of a rule card: its number, name (with why it cannot stay), active, and move up / down / remove. */
export function RuleCardHeader({ prefix, rules, index: i, onName, onActive, onMove, onRemove }: Props) {
  const t = useText(commonMessages);
  const rule = rules[i]!;
  const problem = nameProblem(rules, i);
  return (
    <>
      <header>
        <strong>{t('rule', { n: i + 1 })}</strong>
        <label>
          <span>{t('name')}</span>
          <input data-testid={`${prefix}-name-${i}`} value={rule.name} spellCheck={false} aria-invalid={!!problem} onChange={(e) => onName(e.target.value)} />
        </label>
        <label className="rules-active">
          <input type="checkbox" data-testid={`${prefix}-active-${i}`} checked={rule.active !== false} onChange={(e) => onActive(e.target.checked)} />
          {t('active')}
        </label>
        <span className="rules-actions">
          {onMove && (
            <>
              <button type="button" className="link" data-testid={`${prefix}-up-${i}`} disabled={i === 0} onClick={() => onMove(-1)}>
                {t('up')}
              </button>
              <button type="button" className="link" data-testid={`${prefix}-down-${i}`} disabled={i === rules.length - 1} onClick={() => onMove(1)}>
                {t('down')}
              </button>
            </>
          )}
          <button type="button" className="link danger" data-testid={`${prefix}-remove-${i}`} onClick={onRemove}>
            {t('remove')}
          </button>
        </span>
      </header>
      {problem && (
        <p className="issue" data-testid={`${prefix}-name-problem-${i}`}>
          {t(problem)}
        </p>
      )}
    </>
  );
}
