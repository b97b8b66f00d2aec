/**
 * `/staff/meetings/:id`: one meeting — time and place, attendees by organisation, agenda,
 * minutes (partners: once approved), outcomes and the action items carried over from earlier
 * meetings of the series. Managers move or cancel the meeting, change its place or video link, add
 * and remove attendees and agenda items, add outcomes, write and approve
 * the minutes and send the invitations; action items are closed by managers or by a partner of
 * the owning organisation.
 */
import { useState } from 'react';
import { AgendaForm, AttendeeForm, MeetingEditForm, MinutesForm, OutcomeForm } from '../../components/cooperation/MeetingForms.tsx';
import { OutcomeList, orgName } from '../../components/cooperation/OutcomeList.tsx';
import { Link } from '../../components/Link.tsx';
import { ErrorView, Loading, NotFoundView } from '../../components/StatusViews.tsx';
import { approveMinutes, invitationUrl, meetingDetail, minutesPdfUrl, organisationsList, removeAgendaItem, removeAttendee, sendInvitations } from '../../meetings-api.ts';
import { formatDateTime, localText } from '../../education-format.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { keys } from '../../queries.ts';
import { isManager, useUser } from '../../session.ts';
import { MEETING_STATUS_LABELS } from './MeetingsStaffPage.tsx';

export function MeetingStaffPage({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const user = useUser();
  const meeting = useLoad(keys.staffMeeting(id), (signal) => meetingDetail(id, signal));
  const orgs = useLoad(keys.staffOrganisations(), (signal) => organisationsList(signal));
  const [note, setNote] = useState<string | null>(null);
  const data = meeting.state.status === 'ok' ? meeting.state.data : null;
  useDocumentTitle(data ? t('meetingTitle', { series: localText(data.seriesTitle, lang) }) : null, t('staffTitleSuffix'));
  if (meeting.state.status === 'loading' || orgs.state.status === 'loading') return <Loading />;
  if (meeting.state.status === 'notFound') return <NotFoundView />;
  if (meeting.state.status !== 'ok') return <ErrorView error={meeting.state.status === 'error' ? meeting.state.error : null} onRetry={meeting.retry} />;
  if (orgs.state.status !== 'ok') return <ErrorView error={orgs.state.status === 'error' ? orgs.state.error : null} onRetry={orgs.retry} />;
  const m = meeting.state.data;
  const organisations = orgs.state.data.items;
  const manager = isManager(user);
  const refresh = meeting.refresh;
  const act = async (run: () => Promise<string>) => {
    setNote(null);
    try {
      setNote(await run());
    } catch (e) {
      setNote(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <p className="breadcrumb-back">
        <Link href="/staff/meetings">{t('meetingsTitle')}</Link>
      </p>
      <h1 data-testid="meeting-title">{t('meetingTitle', { series: localText(m.seriesTitle, lang) })}</h1>
      <dl className="figure-list">
        <div>
          <dt>{t('meetingWhen')}</dt>
          <dd data-testid="meeting-when">
            {formatDateTime(m.startsAt, lang)} – {formatDateTime(m.endsAt, lang)} · {t(MEETING_STATUS_LABELS[m.status]!)}
          </dd>
        </div>
        {m.venue && (
          <div>
            <dt>{t('meetingVenue')}</dt>
            <dd data-testid="meeting-venue">{localText(m.venue, lang)}</dd>
          </div>
        )}
        {m.videoUrl && (
          <div>
            <dt>{t('meetingVideo')}</dt>
            <dd>
              <a href={m.videoUrl}>{m.videoUrl}</a>
            </dd>
          </div>
        )}
      </dl>
      <ul className="link-row no-print">
        <li>
          <a href={invitationUrl(m.id)} download>
            {t('invitationDownload')}
          </a>
        </li>
        {(m.minutes || manager) && (
          <li>
            <Link href={`/staff/meetings/${m.id}/minutes`}>{t('minutesPrint')}</Link>
          </li>
        )}
        {(m.minutesApprovedAt || manager) && (
          <li>
            <a href={minutesPdfUrl(m.id)} download>
              {t('minutesPdf')}
            </a>
          </li>
        )}
      </ul>
      {note && (
        <p className="read-only-note" role="status" data-testid="meeting-note">
          {note}
        </p>
      )}
      {manager && (
        <section className="plan-section">
          <MeetingEditForm key={`${m.startsAt}|${m.endsAt}|${m.status}|${m.venue?.ko ?? ''}|${m.venue?.en ?? ''}|${m.videoUrl ?? ''}`} meeting={m} onSaved={refresh} />
        </section>
      )}

      <section className="plan-section" aria-labelledby="attendees-heading">
        <h2 id="attendees-heading">{t('attendeesHeading')}</h2>
        {m.attendees.length === 0 ? (
          <p>{t('attendeesNone')}</p>
        ) : (
          <ul data-testid="meeting-attendees">
            {m.attendees.map((a) => (
              <li key={a.id}>
                {orgName(organisations, a.organisationId, lang)} — {a.name}
                {a.title && ` (${a.title})`}
                {manager && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="button-secondary"
                      data-testid="attendee-remove"
                      aria-label={t('attendeeRemoveNamed', { name: a.name })}
                      onClick={() =>
                        act(async () => {
                          await removeAttendee(m.id, a.id);
                          await refresh();
                          return t('attendeeRemoved', { name: a.name });
                        })
                      }
                    >
                      {t('remove')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        {m.invitationsSentAt && <p className="plan-meta">{t('invitationsSentAt', { date: formatDateTime(m.invitationsSentAt, lang) })}</p>}
        {manager && (
          <>
            <AttendeeForm meetingId={m.id} orgs={organisations} onSaved={refresh} />
            <p>
              <button
                type="button"
                className="button-secondary"
                data-testid="send-invitations"
                onClick={() =>
                  act(async () => {
                    const r = await sendInvitations(m.id);
                    await refresh();
                    return t('invitationsSent', { count: r.queued });
                  })
                }
              >
                {t('invitationsSend')}
              </button>
            </p>
          </>
        )}
      </section>

      <section className="plan-section" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t('agendaItemsHeading')}</h2>
        {m.agenda.length === 0 ? (
          <p>{t('agendaItemsNone')}</p>
        ) : (
          <ol data-testid="meeting-agenda">
            {m.agenda.map((a) => (
              <li key={a.id}>
                {localText(a.title, lang)}
                {a.presenter && ` — ${a.presenter}`}
                {a.minutesAllotted && ` (${t('agendaMinutesValue', { minutes: a.minutesAllotted })})`}
                {manager && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="button-secondary"
                      data-testid="agenda-remove"
                      aria-label={t('agendaRemoveNamed', { title: localText(a.title, lang) })}
                      onClick={() =>
                        act(async () => {
                          await removeAgendaItem(m.id, a.id);
                          await refresh();
                          return t('agendaRemoved', { title: localText(a.title, lang) });
                        })
                      }
                    >
                      {t('remove')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
        {manager && <AgendaForm meetingId={m.id} onSaved={refresh} />}
      </section>

      <section className="plan-section" aria-labelledby="carried-heading">
        <h2 id="carried-heading">{t('carriedHeading')}</h2>
        {m.carriedOver.length === 0 ? <p>{t('carriedNone')}</p> : <OutcomeList items={m.carriedOver} orgs={organisations} user={user} onChanged={refresh} testId="carried-over" />}
      </section>

      <section className="plan-section" aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">{t('outcomesHeading')}</h2>
        {m.outcomes.length === 0 ? <p>{t('outcomesNone')}</p> : <OutcomeList items={m.outcomes} orgs={organisations} user={user} onChanged={refresh} testId="meeting-outcomes" />}
        {manager && <OutcomeForm meetingId={m.id} orgs={organisations} onSaved={refresh} />}
      </section>

      <section className="plan-section" aria-labelledby="minutes-heading">
        <h2 id="minutes-heading">{t('minutesHeading')}</h2>
        {m.minutesApprovedAt && <p className="plan-meta">{t('minutesApproved', { date: formatDateTime(m.minutesApprovedAt, lang) })}</p>}
        {m.minutes ? (
          <div className="minutes-text" data-testid="meeting-minutes">
            {localText(m.minutes, lang)}
          </div>
        ) : (
          <p>{user.role === 'partner' ? t('minutesHidden') : t('minutesNone')}</p>
        )}
        {manager && !m.minutesApprovedAt && (
          <>
            <MinutesForm key={m.minutes?.ko ?? ''} meeting={m} onSaved={refresh} />
            {m.minutes && (
              <p>
                <button
                  type="button"
                  className="button-primary"
                  data-testid="approve-minutes"
                  onClick={() =>
                    act(async () => {
                      const r = await approveMinutes(m.id);
                      await refresh();
                      return t('minutesApprovedDone', { count: r.queued });
                    })
                  }
                >
                  {t('minutesApprove')}
                </button>
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}
