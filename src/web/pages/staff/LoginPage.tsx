/** `/staff/login`: e-mail and password; after signing in, back to the page that asked (`next`). */
import { useEffect } from 'react';
import { ApiError } from '../../api-client.ts';
import { Form, Submit, TextField, useKitForm } from '../../forms/index.ts';
import { useDocumentTitle } from '../../hooks.ts';
import { useI18n, withLang, type Lang, type Translate } from '../../i18n.ts';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../../session.ts';
import { login } from '../../staff-api.ts';

/** Only staff pages of this site: never an open redirect to another origin. */
function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next') ?? '';
  return /^\/staff(\/[\w/-]*)?$/.test(next) && next !== '/staff/login' ? next : '/staff';
}

/** "Wrong e-mail or password" for a 401 (whatever the server says), "locked" for a 429. */
function loginError(error: unknown, lang: Lang, t: Translate): string {
  if (!(error instanceof ApiError)) return t('unexpectedError');
  const reason = error.status === 429 ? t('loginLocked') : error.status === 401 ? t('loginFailed') : t('unexpectedError');
  const detail = error.describe(lang);
  return detail && error.status !== 401 ? `${reason} ${detail}` : reason;
}

export function LoginPage() {
  const { lang, t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const form = useKitForm({ defaultValues: { email: '', password: '' }, describeError: loginError });
  useDocumentTitle(t('loginTitle'), t('staffTitleSuffix'));

  const signedIn = session.state.status === 'signedIn';
  useEffect(() => {
    if (signedIn) navigate(withLang(nextPath(location.search), lang), { replace: true });
  }, [signedIn, location.search, lang, navigate]);

  return (
    <div className="narrow-page">
      <h1>{t('loginTitle')}</h1>
      <p className="lead">{t('loginIntro')}</p>
      <Form
        form={form}
        testId="login-form"
        status={false}
        onSubmit={async ({ email, password }) => {
          const result = await login(email.trim(), password);
          session.setUser(result.user);
        }}
      >
        <TextField name="email" label={t('email')} type="email" autoComplete="username" required />
        <TextField name="password" label={t('password')} type="password" autoComplete="current-password" required />
        <Submit>{t('signIn')}</Submit>
      </Form>
    </div>
  );
}
