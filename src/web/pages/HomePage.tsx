/**
 * `/`: the program at a glance — each plan's 이행률, 완료율 and budget executed with their 기준일,
 * this quarter's actions, the next academy sessions and events, the latest news — from one call
 * (GET /api/home, kept by the public cache).
 */
import { fetchHome, type Home } from '../api-client.ts';
import { AsOf } from '../components/AsOf.tsx';
import { LocalText } from '../components/events/EventText.tsx';
import { Link } from '../components/Link.tsx';
import { NewsList } from '../components/news/NewsList.tsx';
import { FigureCards } from '../components/PlanProgress.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { formatDate, formatDateTime } from '../format.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { keys } from '../queries.ts';

function PlanGlance({ plan }: { plan: Home['plans'][number] }) {
  return (
    <li className="home-plan" data-testid="plan-card">
      <LocalText text={{ ko: plan.pledge, en: plan.pledgeEn }} as="p" className="plan-pledge" />
      <h3>
        <Link href={`/plans/${plan.id}`} data-testid="plan-link">
          <LocalText text={{ ko: plan.title, en: plan.titleEn }} />
        </Link>
      </h3>
      <FigureCards overall={plan.figures} ledger={plan.ledger} />
      <div className="as-of-list" data-testid="home-as-of">
        <AsOf at={plan.figures.asOf} label="asOfProgress" />
        <AsOf at={plan.ledger.asOf} label="asOfBudget" />
      </div>
    </li>
  );
}

function QuarterActions({ quarter }: { quarter: Home['quarter'] }) {
  const { t } = useI18n();
  return (
    <section className="home-section" aria-labelledby="home-quarter" data-testid="home-quarter">
      <h2 id="home-quarter">{t('homeQuarter', { year: quarter.year, quarter: quarter.quarter })}</h2>
      {quarter.figures === null ? (
        <p>{t('homeQuarterNone')}</p>
      ) : (
        <>
          <FigureCards overall={quarter.figures} />
          <div className="as-of-list">
            <AsOf at={quarter.figures.asOf} label="asOfProgress" />
          </div>
          <ul className="home-actions" data-testid="home-quarter-actions">
            {quarter.actions.map((a) => (
              <li key={a.id}>
                <Link href={`/plans/${a.planId}`}>
                  <LocalText text={{ ko: a.text, en: a.textEn }} />
                </Link>{' '}
                <StatusBadge status={a.status} /> <span className="home-progress">{t('homeQuarterProgress', { progress: a.progress })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Upcoming({ home }: { home: Home }) {
  const { lang, t } = useI18n();
  return (
    <section className="home-section" aria-labelledby="home-upcoming">
      <h2 id="home-upcoming">{t('homeUpcoming')}</h2>
      <div className="home-columns">
        <div>
          <h3>{t('homeSessions')}</h3>
          {home.sessions.length === 0 ? (
            <p>{t('homeSessionsNone')}</p>
          ) : (
            <ul className="home-list" data-testid="home-sessions">
              {home.sessions.map((s) => (
                <li key={s.id}>
                  <Link href={`/academy/sessions/${s.id}`}>
                    <LocalText text={s.title} />
                  </Link>
                  <span className="home-when">
                    <time dateTime={s.startsAt}>{formatDateTime(s.startsAt, lang)}</time> · {s.venue}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link href="/academy">{t('homeAllSessions')}</Link>
          </p>
        </div>
        <div>
          <h3>{t('homeEvents')}</h3>
          {home.events.length === 0 ? (
            <p>{t('homeEventsNone')}</p>
          ) : (
            <ul className="home-list" data-testid="home-events">
              {home.events.map((e) => (
                <li key={e.id}>
                  <Link href={`/events/${e.id}`}>
                    <LocalText text={e.title} />
                  </Link>
                  <span className="home-when">
                    <time dateTime={e.startsAt}>{e.dateApproximate ? formatDate(e.startsAt, lang) : formatDateTime(e.startsAt, lang)}</time>
                    {e.venue && (
                      <>
                        {' · '}
                        <LocalText text={e.venue} />
                      </>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link href="/events">{t('homeAllEvents')}</Link>
          </p>
        </div>
      </div>
    </section>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const { state, retry } = useLoad(keys.home(), fetchHome);
  useDocumentTitle(state.status === 'error' ? t('errorTitle') : null, t('titleSuffix'));

  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  return (
    <>
      <h1>{t('homeTitle')}</h1>
      <p className="lead">{t('homeIntro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' && (
        <>
          <section className="home-section" aria-labelledby="home-glance">
            <h2 id="home-glance">{t('homeGlance')}</h2>
            {state.data.plans.length === 0 ? (
              <p>{t('planListEmpty')}</p>
            ) : (
              <ul className="home-plans" data-testid="plan-list">
                {state.data.plans.map((plan) => (
                  <PlanGlance key={plan.id} plan={plan} />
                ))}
              </ul>
            )}
          </section>
          <QuarterActions quarter={state.data.quarter} />
          <Upcoming home={state.data} />
          <section className="home-section" aria-labelledby="home-news">
            <h2 id="home-news">{t('newsLatest')}</h2>
            <NewsList items={state.data.news} testId="home-news" heading="h3" />
            <p>
              <Link href="/news">{t('newsMore')}</Link>
            </p>
          </section>
        </>
      )}
    </>
  );
}
