/** `/staff/events`: every event (published or not), and a form for a new one (managers). */
import { useId } from 'react';
import { useNavigate } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { EventForm } from '../../components/events/EventForm.tsx';
import { eventDates, KIND_LABELS, labelOr, LocalText } from '../../components/events/EventText.tsx';
import { manageEvents } from '../../events-api.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { keys } from '../../queries.ts';
import { useI18n, withLang } from '../../i18n.ts';
import { isManager, useUser } from '../../session.ts';
import { EVENT_STATUS_LABELS } from '../EventsPage.tsx';

export function EventsStaffPage() {
  const navigate = useNavigate();
  const { lang, t } = useI18n();
  const user = useUser();
  const caption = useId();
  const { state, retry } = useLoad(keys.staffEvents(), (signal) => manageEvents(signal));
  useDocumentTitle(t('staffEventsTitle'), t('staffTitleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status !== 'ok') return <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />;
  const items = [...state.data.items].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return (
    <>
      <h1>{t('staffEventsTitle')}</h1>
      <p className="lead">{t('staffEventsIntro')}</p>
      <section className="plan-section" aria-labelledby="staff-events-heading">
        <h2 id="staff-events-heading">{t('eventListHeading')}</h2>
        {items.length === 0 ? (
          <p>{t('eventsNone')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby={caption} tabIndex={0}>
            <table className="data-table table-left" data-testid="staff-events">
              <caption id={caption} className="visually-hidden">
                {t('staffEventsTitle')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('colEvent')}</th>
                  <th scope="col">{t('colKind')}</th>
                  <th scope="col">{t('colDate')}</th>
                  <th scope="col">{t('colStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <tr key={e.id} data-event-id={e.id}>
                    <th scope="row">
                      <Link href={`/staff/events/${e.id}`}>
                        <LocalText text={e.title} />
                      </Link>
                    </th>
                    <td>
                      {labelOr(KIND_LABELS, e.kind, t)}
                      {e.edition != null && <> {t('editionValue', { edition: e.edition })}</>}
                    </td>
                    <td>{eventDates(e, lang, t)}</td>
                    <td>
                      {/* Planned but ended (the plan's past GENIE Forum editions): past, waiting for held or cancelled. */}
                      {e.status === 'planned' && new Date(e.endsAt).getTime() <= Date.now()
                        ? t('statusEndedUnrecorded')
                        : e.status && EVENT_STATUS_LABELS[e.status]
                          ? t(EVENT_STATUS_LABELS[e.status]!)
                          : e.status}{' '}
                      · {e.published === false ? t('unpublished') : t('published')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {isManager(user) && (
        <section className="plan-section" aria-labelledby="new-event-heading">
          <h2 id="new-event-heading">{t('newEvent')}</h2>
          <EventForm onSaved={(saved) => navigate(withLang(`/staff/events/${saved.id}`, lang))} />
        </section>
      )}
    </>
  );
}
