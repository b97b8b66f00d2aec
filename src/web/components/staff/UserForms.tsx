/** Admin forms: add a staff user (with an initial password; a partner with its organisation), add a department. */
import { ROLES, ROLE_LABELS, type Role } from '../../../modules/accounts/roles.ts';
import { departmentLabel } from '../../departments.ts';
import { Form, SelectField, Submit, TextField, useKitForm } from '../../forms/index.ts';
import { useI18n } from '../../i18n.ts';
import type { Organisation } from '../../meetings-api.ts';
import { createDepartment, createUser, type Department } from '../../staff-api.ts';

export function NewUserForm({ departments, organisations, onAdded }: { departments: Department[]; organisations: Organisation[]; onAdded: () => void }) {
  const { lang, t } = useI18n();
  const form = useKitForm({ defaultValues: { email: '', name: '', role: 'officer' as Role, departmentId: '', organisationId: '', password: '' } });
  return (
    <Form
      form={form}
      testId="new-user-form"
      head={<h3>{t('addUser')}</h3>}
      onSubmit={async (v) => {
        const body = {
          email: v.email.trim(),
          name: v.name.trim(),
          role: v.role,
          departmentId: v.departmentId === '' ? null : Number(v.departmentId),
          organisationId: v.organisationId === '' ? null : Number(v.organisationId),
          password: v.password,
        };
        await createUser(body);
        form.reset({ ...v, email: '', name: '', password: '' });
        onAdded();
        return t('userAdded', { email: body.email });
      }}
    >
      <div className="form-row">
        <TextField name="email" label={t('email')} type="email" autoComplete="off" required />
        <TextField name="name" label={t('name')} autoComplete="off" maxLength={100} required />
      </div>
      <div className="form-row">
        <SelectField name="role" label={t('role')} options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))} />
        <SelectField
          name="departmentId"
          label={t('department')}
          placeholder={t('noDepartment')}
          options={departments.map((d) => ({ value: d.id, label: departmentLabel(d, lang) }))}
          rules={{ validate: (v: string, all) => (all as { role: Role }).role !== 'officer' || v !== '' || t('officerNeedsDepartment') }}
        />
        <SelectField
          name="organisationId"
          label={t('organisationLabel')}
          placeholder={t('noOrganisation')}
          options={organisations.map((o) => ({ value: o.id, label: o.name[lang] }))}
          rules={{ validate: (v: string, all) => (all as { role: Role }).role !== 'partner' || v !== '' || t('partnerNeedsOrganisation') }}
        />
      </div>
      <TextField name="password" label={t('initialPassword')} hint={t('passwordHint')} type="password" autoComplete="new-password" required />
      <Submit>{t('addUser')}</Submit>
    </Form>
  );
}

export function NewDepartmentForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { name: '', nameEn: '' } });
  return (
    <Form
      form={form}
      testId="new-department-form"
      head={<h3>{t('addDepartment')}</h3>}
      onSubmit={async ({ name, nameEn }) => {
        await createDepartment({ name: name.trim(), nameEn: nameEn.trim() || null });
        form.reset();
        onAdded();
        return t('departmentAdded', { name: name.trim() });
      }}
    >
      <div className="form-row">
        <TextField name="name" label={t('departmentNameKo')} maxLength={100} required />
        <TextField name="nameEn" label={t('departmentNameEn')} lang="en" maxLength={100} />
      </div>
      <Submit className="button-secondary">{t('addDepartment')}</Submit>
    </Form>
  );
}
