import { useState } from 'react';
import type { AssignTo } from '../../../engine/shared/metadata-types';
import { useI18n } from '../../../runtime-ui/src/i18n/i18n';
import { useText } from '../i18n/text';
import type { RuleField } from '../rule-builder/rule-fields';
import { FieldOptions } from '../shell/field-options';
import type { DirectoryUser } from './assignment-model';
import { assignmentMessages } from './messages';
import { UserSelect } from './user-select';

type Territory = Extract<AssignTo, { type: 'territory' }>;

interface Props {
  value: Territory;
  /** The object's fields a territory can be read from. */
  fields: RuleField[];
  users: DirectoryUser[];
  onChange(next: Territory): void;
  testId: string;
}

/**
 * A territory map: the field, then one owner per value — the picklist's
 * values × users, or free values for a text field — and the fallback for
 * values the map does not name.
 */
export function TerritoryEditor({ value, fields, users, onChange, testId }: Props) {
  const t = useText(assignmentMessages);
  const { label } = useI18n();
  const [newKey, setNewKey] = useState('');
  // Values typed in for a text field wait here until a user is chosen for them (the map holds only values with an owner).
  const [pending, setPending] = useState<string[]>([]);
  const field = fields.find((f) => f.name === value.field);
  const values = field?.values ?? [];
  const known = new Set(values.map((v) => v.value));
  const extra = [...new Set([...Object.keys(value.map), ...pending])].filter((k) => !known.has(k));
  const setOwner = (key: string, ref: string) => {
    const map = { ...value.map };
    if (ref) map[key] = ref;
    else delete map[key];
    onChange({ ...value, map });
  };
  const row = (key: string, text: string) => (
    <tr key={key}>
      <td>{text}</td>
      <td>
        <UserSelect users={users} value={value.map[key] ?? ''} onChange={(ref) => setOwner(key, ref)} empty={t('territoryNobody')} label={`${t('territoryUser')}: ${text}`} testId={`${testId}-map-${key}`} />
      </td>
    </tr>
  );
  return (
    <div className="assign-territory">
      <label>
        <span>{t('field')}</span>
        <select data-testid={`${testId}-field`} value={value.field} onChange={(e) => onChange({ ...value, field: e.target.value })}>
          <option value="">{t('chooseField')}</option>
          <FieldOptions fields={fields} current={value.field} />
        </select>
      </label>
      {value.field && (
        <table className="assign-matrix" data-testid={`${testId}-matrix`}>
          <thead>
            <tr>
              <th>{t('territoryValue')}</th>
              <th>{t('territoryUser')}</th>
            </tr>
          </thead>
          <tbody>
            {values.map((v) => row(v.value, `${label(v.label, v.value)} (${v.value})`))}
            {extra.map((k) => row(k, field?.values ? t('notAValue', { value: k }) : k))}
          </tbody>
        </table>
      )}
      {field && !field.values && (
        <span className="assign-add-key">
          <input aria-label={t('territoryKey')} placeholder={t('territoryKey')} data-testid={`${testId}-new-key`} value={newKey} onChange={(e) => setNewKey(e.target.value)} />
          <button
            type="button"
            data-testid={`${testId}-add-key`}
            disabled={!newKey.trim() || extra.includes(newKey.trim())}
            onClick={() => {
              setPending((p) => [...p, newKey.trim()]);
              setNewKey('');
            }}
          >
            {t('territoryAddKey')}
          </button>
        </span>
      )}
      <label>
        <span>{t('fallback')}</span>
        <UserSelect
          users={users}
          value={value.fallback ?? ''}
          onChange={(ref) => {
            const { fallback: _old, ...rest } = value;
            onChange(ref ? { ...rest, fallback: ref } : rest);
          }}
          empty={t('fallbackNone')}
          label={t('fallback')}
          testId={`${testId}-fallback`}
        />
      </label>
    </div>
  );
}
