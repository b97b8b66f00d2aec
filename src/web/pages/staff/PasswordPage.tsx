/** `/staff/password`: change my password (current + new, typed twice). */
import { useState, type FormEvent } from 'react';
import { Field } from '../../components/staff/Field.tsx';
import { FormAlert, StatusMessage } from '../../components/staff/Notice.tsx';
import { formErrors, NO_ERRORS } from '../../form-errors.ts';
import { useDocumentTitle, useMutation } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { changePassword } from '../../staff-api.ts';

const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;

export function PasswordPage() {
  const { lang, t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const mutation = useMutation();
  useDocumentTitle(t('passwordTitle'), t('staffTitleSuffix'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const gaps: Record<string, string> = {};
    if (!current) gaps.currentPassword = t('required');
    if (!next) gaps.newPassword = t('required');
    if (next !== confirm) gaps.confirm = t('passwordMismatch');
    setLocal(gaps);
    mutation.reset();
    if (Object.keys(gaps).length > 0) return;
    const ok = await mutation.run(() => changePassword(current, next).then(() => true), t('passwordChanged'));
    if (ok) {
      setCurrent('');
      setNext('');
      setConfirm('');
    }
  };

  const server = mutation.error ? formErrors(mutation.error, lang, t, FIELDS, { password: 'newPassword' }) : NO_ERRORS;
  const errors = { ...server.fields, ...local };
  return (
    <div className="narrow-page">
      <h1>{t('passwordTitle')}</h1>
      <form className="staff-form" onSubmit={submit} noValidate>
        <FormAlert message={server.summary} focus />
        <Field label={t('currentPassword')} error={errors.currentPassword}>
          {(props) => <input {...props} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />}
        </Field>
        <Field label={t('newPassword')} hint={t('passwordHint')} error={errors.newPassword}>
          {(props) => <input {...props} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />}
        </Field>
        <Field label={t('confirmPassword')} error={errors.confirm}>
          {(props) => <input {...props} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />}
        </Field>
        <p className="form-actions">
          <button type="submit" className="button-primary" disabled={mutation.busy}>
            {t('changePassword')}
          </button>
        </p>
        <StatusMessage message={mutation.done} />
      </form>
    </div>
  );
}
