/** `/events`: the GENIE Forum, seminars and conferences, upcoming then past (newest first). */
import { Link } from '../components/Link.tsx';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { eventDates, KIND_LABELS, labelOr, LocalText } from '../components/events/EventText.tsx';
import { events, type EventSummary } from '../events-api.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { keys } from '../queries.ts';
import { useI18n, type MessageKey } from '../i18n.ts';

export const EVENT_STATUS_LABELS: Record<string, MessageKey> = { planned: 'statusPlanned', held: 'statusHeld', cancelled: 'statusCancelled' };

function EventCard({ event }: { event: EventSummary }) {
  const { lang, t } = useI18n();
  return (
    <li className="plan-card session-card event-card" data-testid="event-card" data-event-id={event.id}>
      <p className="event-kind">
        <span className="badge">{labelOr(KIND_LABELS, event.kind, t)}</span>
        {event.edition != null && <> {t('editionValue', { edition: event.edition })}</>}
        {event.status && event.status !== 'planned' && (
          <>
            {' '}
            <span className={`badge event-status-${event.status}`}>{EVENT_STATUS_LABELS[event.status] ? t(EVENT_STATUS_LABELS[event.status]!) : event.status}</span>
          </>
        )}
      </p>
      <h3>
        <Link href={`/events/${event.id}`}>
          <LocalText text={event.title} />
        </Link>
      </h3>
      <dl className="summary-list facts">
        <div>
          <dt>{t('eventWhen')}</dt>
          <dd data-testid="event-dates">{eventDates(event, lang, t)}</dd>
        </div>
        {event.venue && (event.venue.ko || event.venue.en) && (
          <div>
            <dt>{t('eventVenue')}</dt>
            <dd>
              <LocalText text={event.venue} />
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}

function EventList({ items, testId }: { items: EventSummary[]; testId: string }) {
  const { t } = useI18n();
  if (items.length === 0) return <p>{t('eventsNone')}</p>;
  return (
    <ul className="plan-list" data-testid={testId}>
      {items.map((e) => (
        <EventCard key={e.id} event={e} />
      ))}
    </ul>
  );
}

export function EventsPage() {
  const { t } = useI18n();
  const { state, retry } = useLoad(keys.events(), (signal) => events(signal));
  useDocumentTitle(t('eventsTitle'), t('titleSuffix'));
  if (state.status === 'error' || state.status === 'notFound') return <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />;
  const now = Date.now();
  const items = state.status === 'ok' ? state.data.items : [];
  const upcoming = items.filter((e) => new Date(e.endsAt).getTime() >= now && e.status !== 'held').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = items.filter((e) => !upcoming.includes(e)).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return (
    <>
      <h1>{t('eventsTitle')}</h1>
      <p className="lead">{t('eventsIntro')}</p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' && (
        <>
          <section className="plan-section" aria-labelledby="upcoming-events-heading">
            <h2 id="upcoming-events-heading">{t('eventsUpcoming')}</h2>
            <EventList items={upcoming} testId="upcoming-events" />
          </section>
          <section className="plan-section" aria-labelledby="past-events-heading">
            <h2 id="past-events-heading">{t('eventsPast')}</h2>
            <EventList items={past} testId="past-events" />
          </section>
        </>
      )}
    </>
  );
}
