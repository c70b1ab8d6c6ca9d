import type { ListViewVisibility, RawLabel } from '../../../engine/shared/metadata-types';
import { useApi } from '../../../runtime-ui/src/api/use-api';
import { useUserDirectory } from '../../../runtime-ui/src/filter-builder/user-directory';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { useSession } from '../../../runtime-ui/src/shell/session';
import type { DraftIssue } from '../draft/draft-types';
import { useText } from '../i18n/text';
import { IssueList } from '../draft/issue-list';
import { toggleRole, visibilityFor, visibilityMode, type VisibilityMode } from './list-view-model';
import { viewMessages } from './messages';

/** A role as GET /admin/roles answers it (engine/security/model/types.ts TreeNode). */
interface Role {
  id: string;
  name: string;
  label: RawLabel;
  parentId: string | null;
}

interface Props {
  /** The view's index, for test ids. */
  index: number;
  value: ListViewVisibility | undefined;
  issues: DraftIssue[];
  onChange(next: ListViewVisibility): void;
}

/** Who may use a view: everyone, the chosen roles (matched by role name), or one user. */
export function VisibilityEditor({ index, value, issues, onChange }: Props) {
  const t = useText(viewMessages);
  const { label } = useI18n();
  const { me } = useSession();
  const mode = visibilityMode(value);
  const roles = useApi<{ roles: Role[] }>(mode === 'roles' ? '/admin/roles' : null);
  const users = useUserDirectory();
  const chosen = value?.type === 'shared' ? (value.roles ?? []) : [];
  return (
    <fieldset className="views-visibility">
      <legend>{t('visibility')}</legend>
      <select aria-label={t('visibility')} value={mode} onChange={(e) => onChange(visibilityFor(e.target.value as VisibilityMode, value, me?.id ?? ''))} data-testid={`views-visibility-${index}`}>
        <option value="everyone">{t('everyone')}</option>
        <option value="roles">{t('roles')}</option>
        <option value="personal">{t('personal')}</option>
      </select>
      {mode === 'roles' && (
        <div className="views-roles">
          {chosen.length === 0 && <p className="hint">{t('rolesNone')}</p>}
          {roles.loading && <p className="hint">{t('rolesLoading')}</p>}
          {roles.data?.roles.length === 0 && <p className="hint">{t('rolesEmpty')}</p>}
          {roles.error && <p className="issue">{t('rolesFailed', { message: roles.error.message })}</p>}
          {/* Roles the view names that no longer exist stay listed so they can be taken off. */}
          {[...(roles.data?.roles ?? []), ...chosen.filter((n) => !roles.data?.roles.some((r) => r.name === n)).map((name) => ({ id: name, name, label: name, parentId: null }))].map((r) => (
            <label key={r.id}>
              <input type="checkbox" checked={chosen.includes(r.name)} onChange={(e) => onChange(toggleRole(value, r.name, e.target.checked))} data-testid={`views-role-${r.name}`} />
              {label(r.label, r.name)}
            </label>
          ))}
        </div>
      )}
      {value?.type === 'personal' && (
        <label>
          {t('owner')}
          <select value={value.owner} onChange={(e) => onChange({ type: 'personal', owner: e.target.value })} data-testid={`views-owner-${index}`}>
            {!users.some((u) => u.id === value.owner) && <option value={value.owner}>{value.owner}</option>}
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
              </option>
            ))}
          </select>
        </label>
      )}
      <IssueList issues={issues} />
    </fieldset>
  );
}
