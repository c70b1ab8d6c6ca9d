import { useText } from '../i18n/text';
import { findUser, refOf, type DirectoryUser } from './assignment-model';
import { assignmentMessages } from './messages';

interface Props {
  users: DirectoryUser[];
  /** The rule's reference: an id or e-mail ('' when none is chosen). */
  value: string;
  onChange(ref: string): void;
  /** The empty choice's text (defaults to "choose a user"). */
  empty?: string;
  label: string;
  testId: string;
}

/**
 * Picks an active user of the organisation. A reference that names an
 * inactive or unknown user stays shown as it is, marked, so the admin sees
 * why the rule would be skipped.
 */
export function UserSelect({ users, value, onChange, empty, label, testId }: Props) {
  const t = useText(assignmentMessages);
  const current = findUser(users, value);
  const broken = value !== '' && (!current || !current.active);
  return (
    <span className="assign-user">
      <select aria-label={label} data-testid={testId} value={current?.active ? refOf(current) : value} aria-invalid={broken} onChange={(e) => onChange(e.target.value)}>
        <option value="">{empty ?? t('chooseUser')}</option>
        {broken && <option value={value}>{t(current ? 'inactiveUser' : 'unknownUser', { user: current ? `${current.displayName} <${current.email}>` : value })}</option>}
        {users
          .filter((u) => u.active)
          .map((u) => (
            <option key={u.id} value={refOf(u)}>
              {u.displayName} &lt;{u.email}&gt;
            </option>
          ))}
      </select>
      {broken && users.length > 0 && (
        <small className="assign-warning" data-testid={`${testId}-problem`}>
          {t('userProblem')}
        </small>
      )}
    </span>
  );
}
