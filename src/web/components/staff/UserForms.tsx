/** Admin forms: add a staff user (with an initial password), add a department. */
import { useState, type FormEvent } from 'react';
import { ROLES, ROLE_LABELS, type Role } from '../../../modules/accounts/roles.ts';
import { departmentLabel } from '../../departments.ts';
import { formErrors, NO_ERRORS } from '../../form-errors.ts';
import { useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { createDepartment, createUser, type Department } from '../../staff-api.ts';
import { Field } from './Field.tsx';
import { FormAlert, StatusMessage } from './Notice.tsx';

export function NewUserForm({ departments, onAdded }: { departments: Department[]; onAdded: () => void }) {
  const { lang, t } = useI18n();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('officer');
  const [department, setDepartment] = useState('');
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const mutation = useMutation();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    const gaps: Record<string, string> = {};
    if (!email.trim()) gaps.email = t('required');
    if (!name.trim()) gaps.name = t('required');
    if (!password) gaps.password = t('required');
    if (role === 'officer' && department === '') gaps.departmentId = t('officerNeedsDepartment');
    setLocal(gaps);
    if (Object.keys(gaps).length > 0) return;
    const body = { email: email.trim(), name: name.trim(), role, departmentId: department === '' ? null : Number(department), password };
    if (await mutation.run(() => createUser(body), t('userAdded', { email: body.email }))) {
      setEmail('');
      setName('');
      setPassword('');
      onAdded();
    }
  };

  const server = mutation.error ? formErrors(mutation.error, lang, t, ['email', 'name', 'role', 'departmentId', 'password']) : NO_ERRORS;
  const errors = { ...server.fields, ...local };
  return (
    <form className="staff-form" onSubmit={submit} noValidate data-testid="new-user-form">
      <h3>{t('addUser')}</h3>
      <FormAlert message={server.summary} />
      <div className="form-row">
        <Field label={t('email')} error={errors.email}>
          {(props) => <input {...props} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label={t('name')} error={errors.name}>
          {(props) => <input {...props} type="text" autoComplete="off" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('role')} error={errors.role}>
          {(props) => (
            <select {...props} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r][lang]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('department')} error={errors.departmentId}>
          {(props) => (
            <select {...props} value={department} onChange={(e) => setDepartment(e.target.value)}>
              <option value="">{t('noDepartment')}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {departmentLabel(d, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('initialPassword')} hint={t('passwordHint')} error={errors.password}>
        {(props) => <input {...props} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <p className="form-actions">
        <button type="submit" className="button-primary" disabled={mutation.busy}>
          {t('addUser')}
        </button>
      </p>
      <StatusMessage message={mutation.done} />
    </form>
  );
}

export function NewDepartmentForm({ onAdded }: { onAdded: () => void }) {
  const { lang, t } = useI18n();
  const [name, setName] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const mutation = useMutation();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    setLocal(name.trim() ? {} : { name: t('required') });
    if (!name.trim()) return;
    if (await mutation.run(() => createDepartment({ name: name.trim(), nameEn: nameEn.trim() || null }), t('departmentAdded', { name: name.trim() }))) {
      setName('');
      setNameEn('');
      onAdded();
    }
  };

  const server = mutation.error ? formErrors(mutation.error, lang, t, ['name', 'nameEn']) : NO_ERRORS;
  const errors = { ...server.fields, ...local };
  return (
    <form className="staff-form" onSubmit={submit} noValidate data-testid="new-department-form">
      <h3>{t('addDepartment')}</h3>
      <FormAlert message={server.summary} />
      <div className="form-row">
        <Field label={t('departmentNameKo')} error={errors.name}>
          {(props) => <input {...props} type="text" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t('departmentNameEn')} error={errors.nameEn}>
          {(props) => <input {...props} type="text" lang="en" maxLength={100} value={nameEn} onChange={(e) => setNameEn(e.target.value)} />}
        </Field>
      </div>
      <p className="form-actions">
        <button type="submit" className="button-secondary" disabled={mutation.busy}>
          {t('addDepartment')}
        </button>
      </p>
      <StatusMessage message={mutation.done} />
    </form>
  );
}
