/**
 * `/academy/sessions/:id`: a session's details, seats left and registration state, and the
 * registration form (name, phone, optional e-mail, the consent notice in full with its tick;
 * the waiting list when the session is full). A registration goes to its status page, which
 * shows the QR code for check-in.
 */
import { useState } from 'react';
import { academySession, consentNotice, register, sessionCalendarUrl, type AcademySession, type ConsentNotice as Notice, type Received } from '../education-api.ts';
import { ReceivedNotice } from '../components/ReceivedNotice.tsx';
import { formatDateTime, localText, textLang } from '../education-format.ts';
import { Link } from '../components/Link.tsx';
import { ErrorView, Loading, NotFoundView } from '../components/StatusViews.tsx';
import { ConsentField, Form, formatPhone, PersonFields, Submit, useKitForm, WaitlistField } from '../forms/index.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { keys } from '../queries.ts';
import { useI18n } from '../i18n.ts';
import { STATE_LABELS, STATE_NOTES } from './AcademyPage.tsx';

function RegistrationForm({ session, notice }: { session: AcademySession; notice: Notice }) {
  const { lang, t } = useI18n();
  const form = useKitForm({ defaultValues: { name: '', phone: '', email: '', consent: false, waitlist: false } });
  const [received, setReceived] = useState<Received | null>(null);
  const full = session.registrationState === 'full';
  if (received) return <ReceivedNotice received={received} />;
  return (
    <Form
      form={form}
      className="staff-form public-form"
      testId="registration-form"
      aria-labelledby="register-heading"
      status={false}
      head={
        <>
          <h2 id="register-heading">{full ? t('joinWaitlistHeading') : t('registerHeading')}</h2>
          {full && <p className="read-only-note">{t('sessionFullNote', { count: session.waitlistLength })}</p>}
        </>
      }
      onSubmit={async ({ name, phone, email, consent }) => {
        const body = {
          name: name.trim(),
          phone: formatPhone(phone),
          ...(email.trim() ? { email: email.trim() } : {}),
          consent: consent as true,
          ...(full ? { waitlist: true } : {}),
          language: lang,
        };
        setReceived(await register(session.id, body));
      }}
    >
      <PersonFields nameMax={50} phoneMax={20} />
      <ConsentField notice={notice} />
      {full && <WaitlistField />}
      <Submit testId="register-submit">{full ? t('joinWaitlist') : t('registerSubmit')}</Submit>
    </Form>
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
      {session.registrationState !== 'cancelled' && (
        <p>
          <a className="button-secondary" href={sessionCalendarUrl(session.id)} download data-testid="session-ics">
            {t('addToCalendar')}
          </a>
        </p>
      )}
      {session.videoUrl && (
        <p>
          <a href={session.videoUrl} rel="noopener noreferrer" target="_blank" data-testid="video-link">
            {t('watchVideo')}
            <span className="visually-hidden"> {t('opensNewWindow')}</span>
          </a>
        </p>
      )}
      {canRegister ? (
        <RegistrationForm session={session} notice={notice} />
      ) : (
        <p className="read-only-note" data-testid="registration-closed">
          {t(STATE_NOTES[session.registrationState])}
        </p>
      )}
    </>
  );
}
