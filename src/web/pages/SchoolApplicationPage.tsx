/** `/school/applications/:token`: a school's application status, decision and scheduled classes. */
import { schoolApplication, type ApplicationStatus } from '../education-api.ts';
import { ErrorView, Loading, NotFoundView } from '../components/StatusViews.tsx';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { keys } from '../queries.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { useLocation } from 'react-router';

export const APPLICATION_LABELS: Record<ApplicationStatus, MessageKey> = {
  submitted: 'appSubmitted',
  selected: 'appSelected',
  rejected: 'appRejected',
  scheduled: 'appScheduled',
  completed: 'appCompleted',
  withdrawn: 'appWithdrawn',
};

export function SchoolApplicationPage({ token }: { token: string }) {
  const { t } = useI18n();
  const location = useLocation();
  const isNew = new URLSearchParams(location.search).get('new') === '1';
  const { state, retry } = useLoad(keys.schoolApplication(token), (signal) => schoolApplication(token, signal));
  useDocumentTitle(t('applicationTitle'), t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const app = state.data;
  const statusLink = `${window.location.origin}/school/applications/${token}`;
  return (
    <>
      <h1>{t('applicationTitle')}</h1>
      {isNew && <p className="lead">{t('applicationDone')}</p>}
      <dl className="summary-list facts session-facts" data-testid="application-facts">
        <div>
          <dt>{t('schoolName')}</dt>
          <dd>{app.schoolName}</dd>
        </div>
        <div>
          <dt>{t('applicationStatus')}</dt>
          <dd>
            <span className={`badge app-status app-${app.status}`} data-testid="application-status" data-status={app.status}>
              {t(APPLICATION_LABELS[app.status])}
            </span>
          </dd>
        </div>
        {app.decisionReason && (
          <div>
            <dt>{t('decisionReason')}</dt>
            <dd data-testid="decision-reason">{app.decisionReason}</dd>
          </div>
        )}
      </dl>
      <section className="plan-section" aria-labelledby="classes-heading">
        <h2 id="classes-heading">{t('scheduledClasses')}</h2>
        {app.classes.length === 0 ? (
          <p>{t('noClassesYet')}</p>
        ) : (
          <ul className="plain-list" data-testid="application-classes">
            {app.classes.map((c, i) => (
              <li key={`${c.heldOn}-${i}`}>{t('classLine', { date: c.heldOn, lecturer: c.lecturer, classes: c.classes })}</li>
            ))}
          </ul>
        )}
      </section>
      <section className="plan-section" aria-labelledby="app-link-heading">
        <h2 id="app-link-heading">{t('statusLinkHeading')}</h2>
        <p>{t('statusLinkHelp')}</p>
        <p className="status-link">
          <a href={statusLink}>{statusLink}</a>
        </p>
      </section>
    </>
  );
}
