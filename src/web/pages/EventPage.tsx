/**
 * `/events/:id`: an event in the reader's language (with a note where a text exists only in the
 * other one), "add to calendar" links, the programme by day (a rooms × time grid; on a phone a
 * list, each item with its time, room, speakers and its own calendar link), the speakers, and the
 * registration form.
 */
import { Link } from '../components/Link.tsx';
import { ErrorView, Loading, NotFoundView } from '../components/StatusViews.tsx';
import { EventRegistrationForm } from '../components/events/EventRegistrationForm.tsx';
import { eventDates, formatDay, formatTime, KIND_LABELS, labelOr, LocalText, plainText, PROGRAMME_LABELS } from '../components/events/EventText.tsx';
import { TimetableGrid, timetableDays } from '../components/events/Timetable.tsx';
import { eventConsent, eventDetail, eventIcsUrl, sessionIcsUrl, type EventDetail, type ProgrammeItem, type Speaker } from '../events-api.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { keys } from '../queries.ts';
import { useI18n } from '../i18n.ts';
import { EVENT_STATUS_LABELS } from './EventsPage.tsx';

/** An item's speakers, each linking to their card. */
function ItemSpeakers({ item, speakers }: { item: ProgrammeItem; speakers: Map<number, Speaker> }) {
  if (item.speakers.length === 0) return null;
  return (
    <ul className="agenda-speakers">
      {item.speakers.map((ref) => {
        const s = speakers.get(ref.id);
        return s ? (
          <li key={ref.id}>
            <a href={`#speaker-${s.id}`}>
              <LocalText text={s.name} />
            </a>
            {s.affiliation && (s.affiliation.ko || s.affiliation.en) && (
              <>
                {' '}
                (<LocalText text={s.affiliation} />)
              </>
            )}
            {ref.role && <> · {ref.role}</>}
          </li>
        ) : null;
      })}
    </ul>
  );
}

/**
 * The programme by day: the rooms × time grid on wider screens, a list in time order on a phone
 * (events.css switches them; the list carries the calendar links and descriptions).
 */
function Agenda({ event }: { event: EventDetail }) {
  const { lang, t } = useI18n();
  const rooms = new Map(event.rooms.map((r) => [r.id, r.name]));
  const speakers = new Map(event.speakers.map((s) => [s.id, s]));
  const days = timetableDays(event.programme, event.rooms);
  const time = (item: ProgrammeItem) => (
    <>
      <time dateTime={item.startsAt}>{formatTime(item.startsAt, lang)}</time>–<time dateTime={item.endsAt}>{formatTime(item.endsAt, lang)}</time>
    </>
  );
  return (
    <section className="plan-section" aria-labelledby="agenda-heading" data-testid="agenda">
      <h2 id="agenda-heading">{t('agendaHeading')}</h2>
      {days.length === 0 && <p>{t('agendaNone')}</p>}
      {days.map((grid) => (
        <section key={grid.day} className="agenda-day" aria-labelledby={`day-${grid.day}`}>
          <h3 id={`day-${grid.day}`}>{formatDay(grid.items[0]!.startsAt, lang)}</h3>
          <TimetableGrid
            grid={grid}
            renderItem={(item) => (
              <>
                <p className="agenda-time">{time(item)}</p>
                <p className="agenda-title">
                  <span className="badge">{labelOr(PROGRAMME_LABELS, item.kind, t)}</span> <LocalText text={item.title} />
                </p>
                <ItemSpeakers item={item} speakers={speakers} />
                {item.kind !== 'break' && (
                  <p className="agenda-ics">
                    <a href={sessionIcsUrl(event.id, item.id)} download>
                      {t('addToCalendar')}
                      <span className="visually-hidden"> ({plainText(item.title, lang)})</span>
                    </a>
                  </p>
                )}
              </>
            )}
          />
          <ol className="agenda-list">
            {grid.items.map((item) => {
              const title = plainText(item.title, lang);
              return (
                <li key={item.id} className={`agenda-item agenda-${item.kind}`} data-testid="agenda-item">
                  <p className="agenda-time">
                    {time(item)}
                    {item.roomId != null && rooms.has(item.roomId) && (
                      <>
                        {' · '}
                        <LocalText text={rooms.get(item.roomId)} className="agenda-room" />
                      </>
                    )}
                  </p>
                  <p className="agenda-title">
                    <span className="badge">{labelOr(PROGRAMME_LABELS, item.kind, t)}</span> <LocalText text={item.title} testId="agenda-title" />
                  </p>
                  <LocalText text={item.description} as="p" className="agenda-description" />
                  <ItemSpeakers item={item} speakers={speakers} />
                  {item.kind !== 'break' && (
                    <p className="agenda-ics">
                      <a href={sessionIcsUrl(event.id, item.id)} download data-testid="session-ics">
                        {t('addToCalendar')}
                        <span className="visually-hidden"> ({title})</span>
                      </a>
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </section>
  );
}

function SpeakerCard({ speaker }: { speaker: Speaker }) {
  const { lang, t } = useI18n();
  const name = plainText(speaker.name, lang);
  return (
    <li className="speaker-card" id={`speaker-${speaker.id}`} data-testid="speaker-card">
      {speaker.photoUrl && <img src={speaker.photoUrl} alt={t('speakerPhotoAlt', { name })} width={96} height={96} loading="lazy" />}
      <div>
        <LocalText text={speaker.name} as="h3" />
        <LocalText text={speaker.affiliation} as="p" className="speaker-affiliation" />
        <LocalText text={speaker.bio} as="p" className="speaker-bio" />
      </div>
    </li>
  );
}

async function load(id: number, signal: AbortSignal) {
  const [event, notice] = await Promise.all([eventDetail(id, signal), eventConsent(signal)]);
  return { event, notice };
}

export function EventPage({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.event(id), (signal) => load(id, signal));
  const title = state.status === 'ok' ? plainText(state.data.event.title, lang) : null;
  useDocumentTitle(state.status === 'notFound' ? t('notFoundTitle') : title, t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const { event, notice } = state.data;
  const upcoming = event.status !== 'held' && event.status !== 'cancelled' && new Date(event.endsAt).getTime() > Date.now();
  return (
    <div className="event-page">
      <nav className="breadcrumb" aria-label={t('breadcrumbLabel')}>
        <ol>
          <li>
            <Link href="/">{t('home')}</Link>
          </li>
          <li>
            <Link href="/events">{t('eventsTitle')}</Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <p className="event-kind">
        <span className="badge">{labelOr(KIND_LABELS, event.kind, t)}</span>
        {event.edition != null && <> {t('editionValue', { edition: event.edition })}</>}
        {event.status && event.status !== 'planned' && (
          <>
            {' '}
            <span className="badge">{EVENT_STATUS_LABELS[event.status] ? t(EVENT_STATUS_LABELS[event.status]!) : event.status}</span>
          </>
        )}
      </p>
      <LocalText text={event.title} as="h1" testId="event-title" />
      <LocalText text={event.description} as="p" className="lead" testId="event-description" />
      <dl className="summary-list facts session-facts" data-testid="event-facts">
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
        {event.streamUrl && (
          <div>
            <dt>{t('eventStream')}</dt>
            <dd>
              <a href={event.streamUrl} rel="noopener noreferrer" data-testid="stream-link">
                {event.streamUrl}
              </a>
            </dd>
          </div>
        )}
        {event.outcome && (event.outcome.ko || event.outcome.en) && (
          <div>
            <dt>{t('eventOutcome')}</dt>
            <dd>
              <LocalText text={event.outcome} />
            </dd>
          </div>
        )}
      </dl>
      {!event.dateApproximate && (
        <p>
          <a className="button-secondary" href={eventIcsUrl(event.id)} download data-testid="event-ics">
            {t('addToCalendar')}
          </a>
        </p>
      )}
      <Agenda event={event} />
      {event.speakers.length > 0 && (
        <section className="plan-section" aria-labelledby="speakers-heading">
          <h2 id="speakers-heading">{t('speakersHeading')}</h2>
          <ul className="speaker-list" data-testid="speakers">
            {event.speakers.map((s) => (
              <SpeakerCard key={s.id} speaker={s} />
            ))}
          </ul>
        </section>
      )}
      {upcoming && event.categories.length > 0 && <EventRegistrationForm event={event} notice={notice} />}
    </div>
  );
}
