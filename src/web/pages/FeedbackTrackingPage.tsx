/** `/settlement/feedback/track/:token`: one's own feedback by its tracking link: status, department, answer. */
import { useLocation } from 'react-router';
import { CATEGORY_LABELS, FEEDBACK_STATUS_LABELS } from '../components/settlement/labels.ts';
import { ErrorView, Loading, NotFoundView } from '../components/StatusViews.tsx';
import { formatDateTime } from '../education-format.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { keys } from '../queries.ts';
import { trackFeedback } from '../settlement-api.ts';

export function FeedbackTrackingPage({ token }: { token: string }) {
  const { lang, t } = useI18n();
  const location = useLocation();
  const isNew = new URLSearchParams(location.search).get('new') === '1';
  const { state, retry } = useLoad(keys.feedbackTracking(token), (signal) => trackFeedback(token, signal));
  useDocumentTitle(t('trackingTitle'), t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const f = state.data;
  const link = `${window.location.origin}/settlement/feedback/track/${token}`;
  return (
    <>
      <h1>{t('trackingTitle')}</h1>
      {isNew && (
        <p className="lead" role="status" data-testid="feedback-new">
          {t('trackingNew')}
        </p>
      )}
      <dl className="summary-list facts" data-testid="feedback-facts">
        <div>
          <dt>{t('feedbackCategory')}</dt>
          <dd>{t(CATEGORY_LABELS[f.category])}</dd>
        </div>
        <div>
          <dt>{t('trackingStatus')}</dt>
          <dd>
            <span className={`badge feedback-${f.status}`} data-testid="feedback-status" data-status={f.status}>
              {t(FEEDBACK_STATUS_LABELS[f.status])}
            </span>
          </dd>
        </div>
        {f.department && (
          <div>
            <dt>{t('facilityDepartment')}</dt>
            <dd>{f.department}</dd>
          </div>
        )}
      </dl>
      <section className="plan-section" aria-labelledby="feedback-text-heading">
        <h2 id="feedback-text-heading">{t('feedbackText')}</h2>
        <p className="multiline" data-testid="feedback-own-text">
          {f.text}
        </p>
        {f.hasPhoto && <p data-testid="feedback-has-photo">{t('feedbackPhotoAttached')}</p>}
      </section>
      <section className="plan-section" aria-labelledby="feedback-answer-heading">
        <h2 id="feedback-answer-heading">{t('feedbackAnswer')}</h2>
        {f.answer ? (
          <>
            <p className="multiline" data-testid="feedback-answer">
              {f.answer.text}
            </p>
            <p className="meta">{t('boardAnsweredBy', { department: f.answer.department ?? '', date: formatDateTime(f.answer.answeredAt, lang) })}</p>
            {f.published && <p>{t('feedbackPublished')}</p>}
          </>
        ) : (
          <p data-testid="feedback-no-answer">{t('feedbackNoAnswer')}</p>
        )}
      </section>
      <section className="plan-section" aria-labelledby="tracking-link-heading">
        <h2 id="tracking-link-heading">{t('trackingLinkHeading')}</h2>
        <p className="status-link">
          <a href={link} data-testid="tracking-link">
            {link}
          </a>
        </p>
      </section>
    </>
  );
}
