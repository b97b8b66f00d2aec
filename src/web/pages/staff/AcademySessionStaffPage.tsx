/**
 * `/staff/academy/sessions/:id`: one session for staff — registrants (masked, unmask for
 * managers), check-in, the satisfaction survey, the session's figures and (managers) editing.
 */
import { useState } from 'react';
import { academySession, sendSurvey } from '../../education-api.ts';
import { formatDateTime, localText, textLang } from '../../education-format.ts';
import { Link } from '../../components/Link.tsx';
import { ErrorView, Loading, NotFoundView } from '../../components/StatusViews.tsx';
import { AcademyFigures } from '../../components/education/AcademyFigures.tsx';
import { Registrants } from '../../components/education/Registrants.tsx';
import { SessionForm } from '../../components/education/SessionForm.tsx';
import { useDocumentTitle, useMutation, useLoad } from '../../hooks.ts';
import { keys } from '../../queries.ts';
import { useI18n } from '../../i18n.ts';
import { EDITOR_ROLES, isManager, seesPersonalData, useUser } from '../../session.ts';
import { STATE_LABELS } from '../AcademyPage.tsx';
import { errorMessage, FormAlert, StatusMessage } from '../../forms/index.ts';

function SurveyButton({ sessionId, ended }: { sessionId: number; ended: boolean }) {
  const { lang, t } = useI18n();
  const mutation = useMutation();
  const [done, setDone] = useState<string | null>(null);
  const send = async () => {
    setDone(null);
    const answer = await mutation.run(() => sendSurvey(sessionId));
    if (answer) setDone(t('surveyQueued', { count: answer.queued }));
  };
  const error = errorMessage(mutation.error, lang, t);
  return (
    <section className="plan-section" aria-labelledby="survey-send-heading">
      <h2 id="survey-send-heading">{t('surveySendHeading')}</h2>
      <p>{ended ? t('surveySendHelp') : t('surveySendNotEnded')}</p>
      <FormAlert message={error} />
      <p>
        <button type="button" className="button-secondary" disabled={mutation.busy} onClick={send} data-testid="send-survey">
          {t('sendSurvey')}
        </button>
      </p>
      <StatusMessage message={done} />
    </section>
  );
}

export function AcademySessionStaffPage({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const user = useUser();
  const manager = isManager(user);
  const { state, retry, refresh } = useLoad(keys.staffAcademySession(id), (signal) => academySession(id, signal));
  const title = state.status === 'ok' ? localText(state.data.title, lang) : null;
  useDocumentTitle(title ?? t('staffAcademyTitle'), t('staffTitleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const s = state.data;
  const ended = new Date(s.endsAt).getTime() < Date.now();
  return (
    <>
      <nav className="breadcrumb" aria-label={t('breadcrumbLabel')}>
        <ol>
          <li>
            <Link href="/staff/academy">{t('staffAcademyTitle')}</Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <h1 lang={textLang(s.title, lang)}>{title}</h1>
      <dl className="summary-list facts">
        <div>
          <dt>{t('sessionWhen')}</dt>
          <dd>
            {formatDateTime(s.startsAt, lang)} – {formatDateTime(s.endsAt, lang)}
          </dd>
        </div>
        <div>
          <dt>{t('sessionVenue')}</dt>
          <dd>{s.venue}</dd>
        </div>
        <div>
          <dt>{t('seatsTaken')}</dt>
          <dd data-testid="staff-seats">
            {s.capacity - s.seatsLeft} / {s.capacity}
            {s.waitlistLength > 0 && <> {t('waitlistShort', { count: s.waitlistLength })}</>}
          </dd>
        </div>
        <div>
          <dt>{t('registrationState')}</dt>
          <dd>{t(STATE_LABELS[s.registrationState])}</dd>
        </div>
      </dl>
      <ul className="link-row">
        {EDITOR_ROLES.includes(user.role) && (
          <li>
            <Link href={`/staff/academy/sessions/${id}/check-in`} className="button-primary" data-testid="check-in-link">
              {t('openCheckIn')}
            </Link>
          </li>
        )}
        <li>
          <Link href={`/academy/sessions/${id}`}>{t('publicPage')}</Link>
        </li>
      </ul>
      {seesPersonalData(user) ? (
        <Registrants sessionId={id} canUnmask={manager} canCheckIn={EDITOR_ROLES.includes(user.role)} />
      ) : (
        <p className="read-only-note" data-testid="partner-no-personal-data">
          {t('partnerNoPersonalData')}
        </p>
      )}
      {manager && <SurveyButton sessionId={id} ended={ended} />}
      <AcademyFigures sessionId={id} />
      {manager && <SessionForm key={s.id} session={s} onSaved={() => refresh().catch(() => retry())} />}
    </>
  );
}
