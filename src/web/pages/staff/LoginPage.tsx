/** `/staff/login`: e-mail and password; after signing in, back to the page that asked (`next`). */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../api-client.ts';
import { Field } from '../../components/staff/Field.tsx';
import { FormAlert } from '../../components/staff/Notice.tsx';
import { useDocumentTitle, useMutation } from '../../hooks.ts';
import { useI18n, withLang } from '../../i18n.ts';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../../session.ts';
import { login } from '../../staff-api.ts';

/** Only staff pages of this site: never an open redirect to another origin. */
function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next') ?? '';
  return /^\/staff(\/[\w/-]*)?$/.test(next) && next !== '/staff/login' ? next : '/staff';
}

export function LoginPage() {
  const { lang, t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const mutation = useMutation();
  useDocumentTitle(t('loginTitle'), t('staffTitleSuffix'));

  const signedIn = session.state.status === 'signedIn';
  useEffect(() => {
    if (signedIn) navigate(withLang(nextPath(location.search), lang), { replace: true });
  }, [signedIn, location.search, lang, navigate]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const gaps = { email: email.trim() ? undefined : t('required'), password: password ? undefined : t('required') };
    setMissing(gaps);
    if (gaps.email || gaps.password) return;
    const result = await mutation.run(() => login(email.trim(), password));
    if (result) session.setUser(result.user);
  };

  let alert: string | null = null;
  const error = mutation.error;
  if (error instanceof ApiError) {
    const reason = error.status === 429 ? t('loginLocked') : error.status === 401 ? t('loginFailed') : t('unexpectedError');
    const detail = error.describe(lang);
    alert = detail && error.status !== 401 ? `${reason} ${detail}` : reason;
  } else if (error) alert = t('unexpectedError');

  return (
    <div className="narrow-page">
      <h1>{t('loginTitle')}</h1>
      <p className="lead">{t('loginIntro')}</p>
      <form className="staff-form" onSubmit={submit} noValidate data-testid="login-form">
        <FormAlert message={alert} focus />
        <Field label={t('email')} error={missing.email}>
          {(props) => <input {...props} type="email" name="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label={t('password')} error={missing.password}>
          {(props) => (
            <input {...props} type="password" name="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          )}
        </Field>
        <p className="form-actions">
          <button type="submit" className="button-primary" disabled={mutation.busy}>
            {t('signIn')}
          </button>
        </p>
      </form>
    </div>
  );
}
