/**
 * `/staff/meetings`: the regular consultations — overdue action items, every series (a partner:
 * its organisation's) with its meetings, and for managers the forms for a new series and meeting
 * and the partner organisations (kind, names, contacts).
 */
import { MeetingForm, SeriesForm } from '../../components/cooperation/MeetingForms.tsx';
import { OrganisationsSection } from '../../components/cooperation/OrganisationForms.tsx';
import { OverdueItems } from '../../components/cooperation/OverdueItems.tsx';
import { Link } from '../../components/Link.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { organisationsList, seriesList } from '../../meetings-api.ts';
import { formatDateTime, localText } from '../../education-format.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { type MessageKey, useI18n } from '../../i18n.ts';
import { keys } from '../../queries.ts';
import { isManager, useUser } from '../../session.ts';

export const MEETING_STATUS_LABELS: Record<string, MessageKey> = {
  scheduled: 'meetingStatusScheduled',
  held: 'meetingStatusHeld',
  cancelled: 'meetingStatusCancelled',
};

export function MeetingsStaffPage() {
  const { lang, t } = useI18n();
  const user = useUser();
  const series = useLoad(keys.staffMeetingSeries(), (signal) => seriesList(signal));
  const orgs = useLoad(keys.staffOrganisations(), (signal) => organisationsList(signal));
  useDocumentTitle(t('meetingsTitle'), t('staffTitleSuffix'));
  if (series.state.status === 'loading' || orgs.state.status === 'loading') return <Loading />;
  if (series.state.status !== 'ok') return <ErrorView error={series.state.status === 'error' ? series.state.error : null} onRetry={series.retry} />;
  if (orgs.state.status !== 'ok') return <ErrorView error={orgs.state.status === 'error' ? orgs.state.error : null} onRetry={orgs.retry} />;
  const manager = isManager(user);
  const organisations = orgs.state.data.items;
  return (
    <>
      <h1>{t('meetingsTitle')}</h1>
      <p className="lead">{user.role === 'partner' ? t('meetingsPartnerIntro') : t('meetingsIntro')}</p>
      <OverdueItems />
      <section className="plan-section" aria-labelledby="series-heading">
        <h2 id="series-heading">{t('seriesHeading')}</h2>
        {series.state.data.items.length === 0 && <p>{t('seriesNone')}</p>}
        <ul className="card-list" data-testid="meeting-series">
          {series.state.data.items.map((s) => (
            <li key={s.id} className="plan-card" data-series-id={s.id}>
              <h3 className="card-title">{localText(s.title, lang)}</h3>
              <p className="plan-meta">
                {t('seriesOrganisations')}: {s.organisations.map((o) => o.name[lang]).join(', ')}
                {s.cadence && ` · ${s.cadence}`}
              </p>
              {s.meetings.length === 0 ? (
                <p>{t('seriesMeetingsNone')}</p>
              ) : (
                <ul className="link-list">
                  {s.meetings.map((m) => (
                    <li key={m.id}>
                      <Link href={`/staff/meetings/${m.id}`}>{formatDateTime(m.startsAt, lang)}</Link> · {t(MEETING_STATUS_LABELS[m.status]!)}
                    </li>
                  ))}
                </ul>
              )}
              {manager && <MeetingForm seriesId={s.id} seriesTitle={localText(s.title, lang)} onSaved={series.refresh} />}
            </li>
          ))}
        </ul>
      </section>
      {manager && (
        <section className="plan-section">
          <SeriesForm orgs={organisations} onSaved={series.refresh} />
        </section>
      )}
      {manager && (
        <OrganisationsSection
          orgs={organisations}
          onSaved={async () => {
            await orgs.refresh();
            await series.refresh();
          }}
        />
      )}
    </>
  );
}
