/** One staff user in the admin list: change role and department, disable or enable. */
import { useEffect, useState } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '../../../modules/accounts/roles.ts';
import { departmentLabel } from '../../departments.ts';
import { useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { updateUser, type AdminUser, type Department } from '../../staff-api.ts';
import { ButtonText } from './ButtonText.tsx';
import { failureText, FormAlert } from '../../forms/index.ts';

interface Props {
  user: AdminUser;
  departments: Department[];
  isSelf: boolean;
  onChanged: () => void;
}

export function UserRow({ user, departments, isSelf, onChanged }: Props) {
  const { lang, t } = useI18n();
  const [role, setRole] = useState<Role>(user.role);
  const [department, setDepartment] = useState(user.departmentId === null ? '' : String(user.departmentId));
  const mutation = useMutation();
  // After a save the list is reloaded: the row shows what the server now has.
  useEffect(() => setRole(user.role), [user.role]);
  useEffect(() => setDepartment(user.departmentId === null ? '' : String(user.departmentId)), [user.departmentId]);
  const changed = role !== user.role || department !== (user.departmentId === null ? '' : String(user.departmentId));

  const save = async () => {
    const body = { role, departmentId: department === '' ? null : Number(department) };
    if (await mutation.run(() => updateUser(user.id, body), t('userSaved'))) onChanged();
  };
  const toggleDisabled = async () => {
    if (await mutation.run(() => updateUser(user.id, { disabled: !user.disabled }), t('userSaved'))) onChanged();
  };
  const failure = failureText(mutation.error, lang, t);

  return (
    <tr data-testid="user-row" data-email={user.email} data-disabled={user.disabled}>
      <th scope="row" className="wrap">
        {user.name}
        <span className="user-email">{user.email}</span>
      </th>
      <td>
        <label className="visually-hidden" htmlFor={`role-${user.id}`}>
          {t('roleOf', { name: user.name })}
        </label>
        <select id={`role-${user.id}`} value={role} onChange={(e) => setRole(e.target.value as Role)} disabled={isSelf} data-testid="user-role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r][lang]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <label className="visually-hidden" htmlFor={`dept-${user.id}`}>
          {t('departmentOf', { name: user.name })}
        </label>
        <select id={`dept-${user.id}`} value={department} onChange={(e) => setDepartment(e.target.value)} data-testid="user-department">
          <option value="">{t('noDepartment')}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {departmentLabel(d, lang)}
            </option>
          ))}
        </select>
      </td>
      <td data-testid="user-state">{t(user.disabled ? 'userDisabled' : 'userActive')}</td>
      <td>
        <div className="cell-buttons">
          <button type="button" className="button-small" onClick={save} disabled={!changed || mutation.busy} data-testid="save-user">
            <ButtonText text={t('save')} object={user.name} />
          </button>
          {!isSelf && (
            <button type="button" className="button-small" onClick={toggleDisabled} disabled={mutation.busy} data-testid="toggle-user">
              <ButtonText text={t(user.disabled ? 'enableUser' : 'disableUser')} object={user.name} />
            </button>
          )}
        </div>
        <FormAlert message={failure} />
      </td>
    </tr>
  );
}
