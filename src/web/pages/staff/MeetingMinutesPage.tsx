/**
 * `/staff/meetings/:id/minutes`: the minutes as a printable page (the print stylesheet drops the
 * header, menus and buttons) — time, place, attendees, agenda, minutes, outcomes and carried-over
 * action items — with links to print and to the PDF.
 */
import { OUTCOME_KIND_LABELS, orgName } from '../../components/cooperation/OutcomeList.tsx';
import { Link } from '../../components/Link.tsx';
import { ErrorView, Loading, NotFoundView } from '../../components/StatusViews.tsx';
import { meetingDetail, minutesPdfUrl, organisationsList, type Outcome } from '../../meetings-api.ts';
import { formatDateTime, localText } from '../../education-format.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { keys } from '../../queries.ts';

export function MeetingMinutesPage({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const meeting = useLoad(keys.staffMeeting(id), (signal) => meetingDetail(id, signal));
  const orgs = useLoad(keys.staffOrganisations(), (signal) => organisationsList(signal));
  useDocumentTitle(t('minutesHeading'), t('staffTitleSuffix'));
  if (meeting.state.status === 'loading' || orgs.state.status === 'loading') return <Loading />;
  if (meeting.state.status === 'notFound') return <NotFoundView />;
  if (meeting.state.status !== 'ok') return <ErrorView error={meeting.state.status === 'error' ? meeting.state.error : null} onRetry={meeting.retry} />;
  if (orgs.state.status !== 'ok') return <ErrorView error={orgs.state.status === 'error' ? orgs.state.error : null} onRetry={orgs.retry} />;
  const m = meeting.state.data;
  const organisations = orgs.state.data.items;
  const outcome = (o: Outcome) => (
    <li key={o.id}>
      <strong>{t(OUTCOME_KIND_LABELS[o.kind])}</strong> {localText(o.text, lang)}
      {o.kind === 'action' && (
        <>
          {' '}
          (
          {[
            orgName(organisations, o.ownerOrganisationId, lang),
            o.ownerPerson,
            o.dueOn && t('outcomeDueValue', { date: o.dueOn }),
            o.status === 'done' ? t('outcomeDone') : t('outcomeOpen'),
          ]
            .filter(Boolean)
            .join(' · ')}
          )
        </>
      )}
    </li>
  );
  return (
    <article className="minutes-page" data-testid="minutes-page">
      <p className="no-print">
        <Link href={`/staff/meetings/${m.id}`}>{t('meetingTitle', { series: localText(m.seriesTitle, lang) })}</Link> ·{' '}
        <button type="button" className="button-secondary" onClick={() => window.print()}>
          {t('minutesPrintButton')}
        </button>{' '}
        · <a href={minutesPdfUrl(m.id)}>{t('minutesPdf')}</a>
      </p>
      <h1>
        {localText(m.seriesTitle, lang)} — {t('minutesHeading')}
      </h1>
      <p>
        {t('meetingWhen')}: {formatDateTime(m.startsAt, lang)} – {formatDateTime(m.endsAt, lang)}
        {m.venue && ` · ${localText(m.venue, lang)}`}
      </p>
      <p>{m.minutesApprovedAt ? t('minutesApproved', { date: formatDateTime(m.minutesApprovedAt, lang) }) : t('minutesNone')}</p>
      <h2>{t('attendeesHeading')}</h2>
      <ul>
        {m.attendees.map((a) => (
          <li key={a.id}>
            {orgName(organisations, a.organisationId, lang)} — {a.name}
            {a.title && ` (${a.title})`}
          </li>
        ))}
      </ul>
      <h2>{t('agendaItemsHeading')}</h2>
      <ol>
        {m.agenda.map((a) => (
          <li key={a.id}>
            {localText(a.title, lang)}
            {a.presenter && ` — ${a.presenter}`}
          </li>
        ))}
      </ol>
      <h2>{t('minutesHeading')}</h2>
      <div className="minutes-text" data-testid="minutes-text">
        {m.minutes ? localText(m.minutes, lang) : t('minutesHidden')}
      </div>
      <h2>{t('outcomesHeading')}</h2>
      <ul>{m.outcomes.map(outcome)}</ul>
      {m.carriedOver.length > 0 && (
        <>
          <h2>{t('carriedHeading')}</h2>
          <ul>{m.carriedOver.map(outcome)}</ul>
        </>
      )}
    </article>
  );
}
