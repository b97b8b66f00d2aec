/**
 * `/academy/sessions/:id`: a session's details, seats left and registration state, and the
 * registration form (name, phone, optional e-mail, the consent notice in full with its tick;
 * the waiting list when the session is full). A registration goes to its status page, which
 * shows the QR code for check-in.
 */
import { useState, type FormEvent } from 'react';
import { academySession, consentNotice, register, type AcademySession, type ConsentNotice as Notice, type Received } from '../education-api.ts';
import { ReceivedNotice } from '../components/ReceivedNotice.tsx';
import { formatDateTime, localText, looksLikeEmail, looksLikePhone, textLang } from '../education-format.ts';
import { ConsentNotice } from '../components/ConsentNotice.tsx';
import { Link } from '../components/Link.tsx';
import { ErrorView, Loading, NotFoundView } from '../components/StatusViews.tsx';
import { Field } from '../components/staff/Field.tsx';
import { FormAlert } from '../components/staff/Notice.tsx';
import { formErrors, NO_ERRORS } from '../form-errors.ts';
import { useDocumentTitle, useMutation, useLoad } from '../hooks.ts';
import { keys } from '../queries.ts';
import { useI18n } from '../i18n.ts';
import { STATE_LABELS, STATE_NOTES } from './AcademyPage.tsx';

const FIELDS = ['name', 'phone', 'email', 'consent', 'waitlist'] as const;

function RegistrationForm({ session, notice }: { session: AcademySession; notice: Notice }) {
  const { lang, t } = useI18n();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  const [waitlist, setWaitlist] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const mutation = useMutation();
  const [received, setReceived] = useState<Received | null>(null);
  const full = session.registrationState === 'full';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    const gaps: Record<string, string> = {};
    if (!name.trim()) gaps.name = t('required');
    if (!phone.trim()) gaps.phone = t('required');
    else if (!looksLikePhone(phone)) gaps.phone = t('phoneInvalid');
    if (email.trim() && !looksLikeEmail(email.trim())) gaps.email = t('emailInvalid');
    if (!consent) gaps.consent = t('consentRequired');
    if (full && !waitlist) gaps.waitlist = t('waitlistRequired');
    setLocal(gaps);
    if (Object.keys(gaps).length > 0) return;
    const body = { name: name.trim(), phone: phone.trim(), ...(email.trim() ? { email: email.trim() } : {}), consent: true as const, ...(full ? { waitlist: true } : {}) };
    const created = await mutation.run(() => register(session.id, body));
    if (created) setReceived(created);
  };

  if (received) return <ReceivedNotice received={received} />;

  const server = mutation.error ? formErrors(mutation.error, lang, t, FIELDS) : NO_ERRORS;
  const errors: Record<string, string | undefined> = { ...server.fields, ...local };
  const localSummary = Object.keys(local).length > 0 ? t('formHasErrors') : null;
  return (
    <form className="staff-form public-form" onSubmit={submit} noValidate data-testid="registration-form" aria-labelledby="register-heading">
      <h2 id="register-heading">{full ? t('joinWaitlistHeading') : t('registerHeading')}</h2>
      {full && <p className="read-only-note">{t('sessionFullNote', { count: session.waitlistLength })}</p>}
      <FormAlert message={server.summary ?? localSummary} focus />
      <div className="form-row">
        <Field label={t('applicantName')} error={errors.name}>
          {(props) => <input {...props} name="name" type="text" autoComplete="name" maxLength={50} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t('applicantPhone')} hint={t('phoneHint')} error={errors.phone}>
          {(props) => (
            <input {...props} name="phone" type="tel" inputMode="tel" autoComplete="tel" maxLength={20} value={phone} onChange={(e) => setPhone(e.target.value)} />
          )}
        </Field>
      </div>
      <Field label={t('applicantEmailOptional')} hint={t('emailHint')} error={errors.email}>
        {(props) => <input {...props} name="email" type="email" autoComplete="email" maxLength={200} value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <ConsentNotice notice={notice} checked={consent} onChange={setConsent} error={errors.consent} />
      {full && (
        <div className={errors.waitlist ? 'field-invalid' : undefined}>
          <div className="field-check">
            <input id="waitlist-choice" type="checkbox" name="waitlist" checked={waitlist} onChange={(e) => setWaitlist(e.target.checked)} aria-invalid={errors.waitlist ? true : undefined} aria-describedby={errors.waitlist ? 'waitlist-error' : undefined} />
            <label htmlFor="waitlist-choice">{t('waitlistChoice')}</label>
          </div>
          {errors.waitlist && (
            <p className="field-error" id="waitlist-error" data-testid="field-error">
              {errors.waitlist}
            </p>
          )}
        </div>
      )}
      <p className="form-actions">
        <button type="submit" className="button-primary" disabled={mutation.busy} data-testid="register-submit">
          {full ? t('joinWaitlist') : t('registerSubmit')}
        </button>
      </p>
    </form>
  );
}

async function load(id: number, signal: AbortSignal) {
  const [session, notice] = await Promise.all([academySession(id, signal), consentNotice('academy', signal)]);
  return { session, notice };
}

export function AcademySessionPage({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.academySession(id), (signal) => load(id, signal));
  const title = state.status === 'ok' ? localText(state.data.session.title, lang) : null;
  useDocumentTitle(state.status === 'notFound' ? t('notFoundTitle') : title, t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const { session, notice } = state.data;
  const canRegister = session.registrationState === 'open' || session.registrationState === 'full';
  const description = localText(session.description, lang);
  return (
    <>
      <nav className="breadcrumb" aria-label={t('breadcrumbLabel')}>
        <ol>
          <li>
            <Link href="/">{t('home')}</Link>
          </li>
          <li>
            <Link href="/academy">{t('academyTitle')}</Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <h1 lang={textLang(session.title, lang)} data-testid="session-title">
        {title}
      </h1>
      {description && <p className="lead">{description}</p>}
      <dl className="summary-list facts session-facts" data-testid="session-facts">
        <div>
          <dt>{t('sessionWhen')}</dt>
          <dd>
            {formatDateTime(session.startsAt, lang)} – {formatDateTime(session.endsAt, lang)}
          </dd>
        </div>
        <div>
          <dt>{t('sessionVenue')}</dt>
          <dd>{session.venue}</dd>
        </div>
        {session.lecturer && (
          <div>
            <dt>{t('sessionLecturer')}</dt>
            <dd>{session.lecturer}</dd>
          </div>
        )}
        {session.onlineUrl && (
          <div>
            <dt>{t('sessionOnline')}</dt>
            <dd>
              <a href={session.onlineUrl} rel="noopener noreferrer">
                {session.onlineUrl}
              </a>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('registrationWindow')}</dt>
          <dd>
            {formatDateTime(session.registrationOpensAt, lang)} – {formatDateTime(session.registrationClosesAt, lang)}
          </dd>
        </div>
        <div>
          <dt>{t('seatsLeft')}</dt>
          <dd data-testid="seats-left">{t('seatsLeftValue', { left: session.seatsLeft, capacity: session.capacity })}</dd>
        </div>
        <div>
          <dt>{t('registrationState')}</dt>
          <dd>
            <span className={`badge reg-state reg-${session.registrationState}`} data-testid="registration-state">
              {t(STATE_LABELS[session.registrationState])}
            </span>
          </dd>
        </div>
        {session.waitlistLength > 0 && (
          <div>
            <dt>{t('waitlistLength')}</dt>
            <dd>{t('peopleCount', { count: session.waitlistLength })}</dd>
          </div>
        )}
      </dl>
      {session.videoUrl && (
        <p>
          <a href={session.videoUrl} rel="noopener noreferrer" target="_blank" data-testid="video-link">
            {t('watchVideo')}
            <span className="visually-hidden"> {t('opensNewWindow')}</span>
          </a>
        </p>
      )}
      {canRegister ? <RegistrationForm session={session} notice={notice} /> : <p className="read-only-note" data-testid="registration-closed">{t(STATE_NOTES[session.registrationState])}</p>}
    </>
  );
}
