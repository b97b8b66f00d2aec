/**
 * `/staff/events/:id`: one event for staff — basics (managers edit, publish, mark held or
 * cancelled with the outcome), rooms, speakers, timetable, categories and invitation codes,
 * questions, registrations with approvals, downloads (badges, XLSX, CSV), figures and survey.
 */
import { useCallback, useState } from 'react';
import { Link } from '../../components/Link.tsx';
import { ErrorView, Loading, NotFoundView } from '../../components/StatusViews.tsx';
import { Attendees } from '../../components/events/Attendees.tsx';
import { countryName } from '../../components/events/countries.ts';
import { EventForm } from '../../components/events/EventForm.tsx';
import { CategoriesEditor, ProgrammeEditor, QuestionsEditor, RoomsEditor, SpeakersEditor } from '../../components/events/EventEditors.tsx';
import { CATEGORY_LABELS, labelOr, plainText } from '../../components/events/EventText.tsx';
import { formatPercent } from '../../education-format.ts';
import { badgesUrl, eventFigures, exportUrl, manageEvent, sendEventSurvey, type EventFigures, type FigureRow } from '../../events-api.ts';
import { useDocumentTitle, useMutation, useLoad } from '../../hooks.ts';
import { invalidate, keys } from '../../queries.ts';
import { useI18n } from '../../i18n.ts';
import { EDITOR_ROLES, isManager, seesPersonalData, useUser } from '../../session.ts';
import { failureText, FormAlert, StatusMessage } from '../../forms/index.ts';

const isEditor = (user: { role: (typeof EDITOR_ROLES)[number] }) => EDITOR_ROLES.includes(user.role);

const load = (id: number, signal: AbortSignal) => manageEvent(id, signal);

function FigureTable({ rows, label, title, testId }: { rows: { key: string; name: string; row: FigureRow }[]; label: string; title: string; testId: string }) {
  const { t } = useI18n();
  return (
    <div className="table-scroll" role="region" aria-label={title} tabIndex={0}>
      <table className="data-table" data-testid={testId}>
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{label}</th>
            <th scope="col">{t('figRegistered')}</th>
            <th scope="col">{t('figAttended')}</th>
            <th scope="col">{t('figNoShow')}</th>
            <th scope="col">{t('figNoShowRate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, name, row }) => (
            <tr key={key}>
              <th scope="row">{name}</th>
              <td>{row.registered}</td>
              <td>{row.attended}</td>
              <td>{row.noShow}</td>
              <td>{formatPercent(row.noShowRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Figures({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.staffEventFigures(id), (signal) => eventFigures(id, signal));
  const body = (data: EventFigures) => (
    <>
      <FigureTable
        label={t('figCategory')}
        title={t('figByCategory')}
        testId="figures-by-category"
        rows={[...data.byCategory.map((r) => ({ key: r.category, name: labelOr(CATEGORY_LABELS, r.category, t), row: r })), { key: 'total', name: t('figTotal'), row: data.total }]}
      />
      <FigureTable
        label={t('figCountry')}
        title={t('figByCountry')}
        testId="figures-by-country"
        rows={data.byCountry.map((r) => ({ key: r.country ?? '-', name: countryName(r.country, lang), row: r }))}
      />
    </>
  );
  return (
    <section className="plan-section" aria-labelledby="event-figures-heading" data-testid="event-figures">
      <h2 id="event-figures-heading">{t('figuresHeading')}</h2>
      {state.status === 'loading' && <Loading />}
      {(state.status === 'error' || state.status === 'notFound') && <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />}
      {state.status === 'ok' && body(state.data)}
    </section>
  );
}

export function EventStaffPage({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const user = useUser();
  const manager = isManager(user);
  const { state, retry, refresh } = useLoad(keys.staffEvent(id), (signal) => load(id, signal));
  const [version, setVersion] = useState(0);
  const survey = useMutation();
  const onChanged = useCallback(() => {
    refresh().catch(() => retry());
    void invalidate(keys.staffEventFigures(id));
    setVersion((v) => v + 1);
  }, [refresh, retry, id]);
  const title = state.status === 'ok' ? plainText(state.data.title, lang) : null;
  useDocumentTitle(title, t('staffTitleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const event = state.data;
  const props = { event, canEdit: manager, onChanged };
  return (
    <div className="event-staff-page">
      <nav className="breadcrumb" aria-label={t('breadcrumbLabel')}>
        <ol>
          <li>
            <Link href="/staff/events">{t('staffEventsTitle')}</Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <h1 data-testid="staff-event-title">{title}</h1>
      <p className="page-links">
        <Link href={`/events/${event.id}`}>{t('publicPage')}</Link>
        {isEditor(user) && (
          <>
            {' · '}
            <Link href={`/staff/events/${event.id}/check-in`} data-testid="event-check-in-link">
              {t('eventCheckInLink')}
            </Link>
          </>
        )}
      </p>
      <section className="plan-section" aria-labelledby="event-basics-heading">
        <h2 id="event-basics-heading">{t('eventBasics')}</h2>
        {manager ? (
          <EventForm key={`${event.id}-${version}`} event={event} onSaved={onChanged} />
        ) : (
          <p className="read-only-note">{event.published ? t('published') : t('unpublished')}</p>
        )}
      </section>
      <RoomsEditor {...props} />
      <SpeakersEditor {...props} />
      <ProgrammeEditor {...props} />
      <CategoriesEditor {...props} />
      <QuestionsEditor {...props} />
      {seesPersonalData(user) ? (
        <>
          <Attendees eventId={event.id} canApprove={manager} canCheckIn={isEditor(user)} version={version} />
          <section className="plan-section" aria-labelledby="downloads-heading" data-testid="event-downloads">
            <h2 id="downloads-heading">{t('downloadsHeading')}</h2>
            <ul className="download-list">
              {([1, 4, 8] as const).map((n) => (
                <li key={n}>
                  <a href={badgesUrl(event.id, n)} download data-testid={`badges-${n}`}>
                    {t('badgesPdf', { count: n })}
                  </a>
                </li>
              ))}
              <li>
                <a href={exportUrl(event.id, 'xlsx')} download data-testid="export-xlsx">
                  {t('exportXlsx')}
                </a>
              </li>
              <li>
                <a href={exportUrl(event.id, 'csv')} download data-testid="export-csv">
                  {t('exportCsv')}
                </a>
              </li>
            </ul>
          </section>
        </>
      ) : (
        <p className="read-only-note" data-testid="partner-no-personal-data">
          {t('partnerNoPersonalData')}
        </p>
      )}
      <Figures id={event.id} />
      {manager && (
        <section className="plan-section" aria-labelledby="event-survey-heading">
          <h2 id="event-survey-heading">{t('sendEventSurvey')}</h2>
          <FormAlert message={failureText(survey.error, lang, t)} />
          <p>
            <button
              type="button"
              className="button-secondary"
              disabled={survey.busy}
              onClick={() => void survey.run(() => sendEventSurvey(event.id), t('eventSurveySent'))}
              data-testid="send-event-survey"
            >
              {t('sendEventSurvey')}
            </button>
          </p>
          <StatusMessage message={survey.done} />
        </section>
      )}
    </div>
  );
}
