/** `/staff/password`: change my password (current + new, typed twice). */
import { Form, Submit, TextField, useKitForm } from '../../forms/index.ts';
import { useDocumentTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { changePassword } from '../../staff-api.ts';

export function PasswordPage() {
  const { t } = useI18n();
  const form = useKitForm({ defaultValues: { currentPassword: '', newPassword: '', confirm: '' }, aliases: { password: 'newPassword' } });
  useDocumentTitle(t('passwordTitle'), t('staffTitleSuffix'));
  return (
    <div className="narrow-page">
      <h1>{t('passwordTitle')}</h1>
      <Form
        form={form}
        onSubmit={async ({ currentPassword, newPassword }) => {
          await changePassword(currentPassword, newPassword);
          form.reset();
          return t('passwordChanged');
        }}
      >
        <TextField name="currentPassword" label={t('currentPassword')} type="password" autoComplete="current-password" required />
        <TextField name="newPassword" label={t('newPassword')} hint={t('passwordHint')} type="password" autoComplete="new-password" required />
        <TextField
          name="confirm"
          label={t('confirmPassword')}
          type="password"
          autoComplete="new-password"
          rules={{ validate: (v: string, all) => v === (all as { newPassword: string }).newPassword || t('passwordMismatch') }}
        />
        <Submit>{t('changePassword')}</Submit>
      </Form>
    </div>
  );
}
