import type { AssignTo } from '../../../engine/shared/metadata-types';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { useText } from '../i18n/text';
import type { RuleField } from '../rule-builder/rule-fields';
import { switchType, type DirectoryRole, type DirectoryUser } from './assignment-model';
import { assignmentMessages } from './messages';
import { TerritoryEditor } from './territory-editor';
import { UserSelect } from './user-select';

type RoundRobin = Extract<AssignTo, { type: 'roundRobin' }>;

interface Props {
  value: AssignTo;
  users: DirectoryUser[];
  roles: DirectoryRole[];
  /** Fields a territory can be read from. */
  fields: RuleField[];
  onChange(next: AssignTo): void;
  testId: string;
}

/** Round-robin over a role's members or over a list of users, in turn order. */
function RoundRobinEditor({ value, users, roles, onChange, testId }: Omit<Props, 'value' | 'fields' | 'onChange'> & { value: RoundRobin; onChange(next: RoundRobin): void }) {
  const t = useText(assignmentMessages);
  const { label } = useI18n();
  const byRole = value.users === undefined;
  const list = value.users ?? [];
  const setList = (next: string[]) => onChange({ type: 'roundRobin', users: next });
  return (
    <div className="assign-pool">
      <select aria-label={t('typeRoundRobin')} data-testid={`${testId}-pool`} value={byRole ? 'role' : 'users'} onChange={(e) => onChange(e.target.value === 'role' ? { type: 'roundRobin', role: '' } : { type: 'roundRobin', users: [] })}>
        <option value="role">{t('poolRole')}</option>
        <option value="users">{t('poolUsers')}</option>
      </select>
      {byRole ? (
        <label>
          <span>{t('role')}</span>
          <select data-testid={`${testId}-role`} value={value.role ?? ''} onChange={(e) => onChange({ type: 'roundRobin', role: e.target.value })}>
            <option value="">{t('chooseRole')}</option>
            {value.role && !roles.some((r) => r.name === value.role) && <option value={value.role}>{value.role} (?)</option>}
            {roles.map((r) => (
              <option key={r.id} value={r.name}>
                {label(r.label, r.name)} ({r.name})
              </option>
            ))}
          </select>
          <small>{t('roleHelp')}</small>
        </label>
      ) : (
        <fieldset className="assign-users">
          <legend>{t('users')}</legend>
          <ol>
            {list.map((ref, k) => (
              <li key={k}>
                <UserSelect users={users} value={ref} onChange={(next) => setList(list.map((x, j) => (j === k ? next : x)))} label={`${t('user')} ${k + 1}`} testId={`${testId}-user-${k}`} />
                <button type="button" className="link danger" data-testid={`${testId}-remove-user-${k}`} onClick={() => setList(list.filter((_x, j) => j !== k))}>
                  {t('removeUser')}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" data-testid={`${testId}-add-user`} onClick={() => setList([...list, ''])}>
            {t('addUser')}
          </button>
        </fieldset>
      )}
    </div>
  );
}

/** Who a matching record goes to: a user, users in turn, or a user per territory. */
export function AssignToEditor({ value, users, roles, fields, onChange, testId }: Props) {
  const t = useText(assignmentMessages);
  return (
    <fieldset className="assign-to">
      <legend>{t('assignTo')}</legend>
      <select aria-label={t('assignTo')} data-testid={`${testId}-type`} value={value.type} onChange={(e) => onChange(switchType(e.target.value as AssignTo['type'], value))}>
        <option value="user">{t('typeUser')}</option>
        <option value="roundRobin">{t('typeRoundRobin')}</option>
        <option value="territory">{t('typeTerritory')}</option>
      </select>
      {value.type === 'user' && <UserSelect users={users} value={value.user} onChange={(user) => onChange({ type: 'user', user })} label={t('user')} testId={`${testId}-user`} />}
      {value.type === 'roundRobin' && <RoundRobinEditor value={value} users={users} roles={roles} onChange={onChange} testId={testId} />}
      {value.type === 'territory' && <TerritoryEditor value={value} fields={fields} users={users} onChange={onChange} testId={testId} />}
    </fieldset>
  );
}
