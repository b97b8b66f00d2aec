/** `/academy`: upcoming academy sessions, and past ones with their recordings. */
import { academySessions, type AcademySession } from '../education-api.ts';
import { formatDateTime, localText, textLang } from '../education-format.ts';
import { Link } from '../components/Link.tsx';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { keys } from '../queries.ts';
import { useI18n, type MessageKey } from '../i18n.ts';

export const STATE_LABELS: Record<AcademySession['registrationState'], MessageKey> = {
  not_open: 'regStateNotOpen',
  open: 'regStateOpen',
  closed: 'regStateClosed',
  full: 'regStateFull',
  started: 'regStateStarted',
  cancelled: 'regStateCancelled',
};

export const STATE_NOTES: Record<AcademySession['registrationState'], MessageKey> = {
  not_open: 'regNoteNotOpen',
  open: 'regNoteOpen',
  closed: 'regNoteClosed',
  full: 'regNoteFull',
  started: 'regNoteStarted',
  cancelled: 'regNoteCancelled',
};

function SessionCard({ session, past }: { session: AcademySession; past: boolean }) {
  const { lang, t } = useI18n();
  return (
    <li className="plan-card session-card" data-testid="session-card">
      <h3 lang={textLang(session.title, lang)}>
        <Link href={`/academy/sessions/${session.id}`}>{localText(session.title, lang)}</Link>
      </h3>
      <dl className="summary-list facts">
        <div>
          <dt>{t('sessionWhen')}</dt>
          <dd>{formatDateTime(session.startsAt, lang)}</dd>
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
        {!past && (
          <div>
            <dt>{t('registrationState')}</dt>
            <dd>
              <span className={`badge reg-state reg-${session.registrationState}`}>
                {STATE_LABELS[session.registrationState] ? t(STATE_LABELS[session.registrationState]) : session.registrationState}
              </span>{' '}
              {session.registrationState === 'open' && t('seatsLeftValue', { left: session.seatsLeft, capacity: session.capacity })}
            </dd>
          </div>
        )}
      </dl>
      {past && session.videoUrl && (
        <p>
          <a href={session.videoUrl} rel="noopener noreferrer" target="_blank" data-testid="video-link">
            {t('watchVideo')}
            <span className="visually-hidden">
              {' '}
              {localText(session.title, lang)} {t('opensNewWindow')}
            </span>
          </a>
        </p>
      )}
    </li>
  );
}

async function load(signal: AbortSignal) {
  const [upcoming, past] = await Promise.all([academySessions('upcoming', signal), academySessions('past', signal)]);
  return { upcoming: upcoming.items, past: past.items };
}

export function AcademyPage() {
  const { t } = useI18n();
  const { state, retry } = useLoad(keys.academy(), load);
  useDocumentTitle(t('academyTitle'), t('titleSuffix'));
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  return (
    <>
      <h1>{t('academyTitle')}</h1>
      <p className="lead">{t('academyIntro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' && (
        <>
          <section className="plan-section" aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading">{t('upcomingSessions')}</h2>
            {state.data.upcoming.length === 0 ? (
              <p>{t('noUpcomingSessions')}</p>
            ) : (
              <ul className="plan-list" data-testid="upcoming-sessions">
                {state.data.upcoming.map((s) => (
                  <SessionCard key={s.id} session={s} past={false} />
                ))}
              </ul>
            )}
          </section>
          <section className="plan-section" aria-labelledby="past-heading">
            <h2 id="past-heading">{t('pastSessions')}</h2>
            {state.data.past.length === 0 ? (
              <p>{t('noPastSessions')}</p>
            ) : (
              <ul className="plan-list" data-testid="past-sessions">
                {state.data.past.map((s) => (
                  <SessionCard key={s.id} session={s} past />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
