/**
 * `/registrations/:token`: a citizen's registration, reached by the link in the confirmation
 * (no login). Shows the status and the QR code for check-in; cancels (after a confirm step) and
 * accepts an offered seat. `?new=1` marks the confirmation right after registering.
 */
import { useState } from 'react';
import { acceptOffer, cancelRegistration, qrUrl, registration, type RegistrationView } from '../education-api.ts';
import { formatCheckInCode, formatDateTime, localText, REG_STATUS_LABELS, textLang } from '../education-format.ts';
import { Link } from '../components/Link.tsx';
import { ErrorView, Loading, NotFoundView } from '../components/StatusViews.tsx';
import { useDocumentTitle, useMutation, useLoad } from '../hooks.ts';
import { keys } from '../queries.ts';
import { useI18n } from '../i18n.ts';
import { useLocation } from 'react-router';
import { errorMessage, FormAlert, StatusMessage } from '../forms/index.ts';

function Actions({ token, view, onChanged }: { token: string; view: RegistrationView; onChanged: () => Promise<void> }) {
  const { lang, t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation();
  const live = view.canCancel;
  const error = errorMessage(mutation.error, lang, t);

  const cancel = async () => {
    if (await mutation.run(() => cancelRegistration(token), t('registrationCancelledDone'))) {
      setConfirming(false);
      await onChanged();
    }
  };
  const accept = async () => {
    if (await mutation.run(() => acceptOffer(token), t('offerAcceptedDone'))) await onChanged();
  };

  return (
    <section className="plan-section" aria-labelledby="reg-actions-heading">
      <h2 id="reg-actions-heading">{t('registrationActions')}</h2>
      <FormAlert message={error} focus />
      {view.status === 'offered' && (
        <div className="confirm-box" role="group" aria-labelledby="offer-text">
          <p id="offer-text">{t('offerText', { until: formatDateTime(view.offerExpiresAt, lang) })}</p>
          <button type="button" className="button-primary" onClick={accept} disabled={mutation.busy} data-testid="accept-offer">
            {t('acceptOffer')}
          </button>
        </div>
      )}
      {live &&
        (confirming ? (
          <div className="confirm-box" role="group" aria-labelledby="cancel-question">
            <p id="cancel-question">{t('cancelQuestion')}</p>
            <p className="cell-buttons">
              <button type="button" className="button-danger" onClick={cancel} disabled={mutation.busy} data-testid="cancel-confirm">
                {t('cancelConfirm')}
              </button>
              <button type="button" className="button-secondary" onClick={() => setConfirming(false)} disabled={mutation.busy}>
                {t('keepRegistration')}
              </button>
            </p>
          </div>
        ) : (
          <p>
            <button type="button" className="button-secondary" onClick={() => setConfirming(true)} data-testid="cancel-registration">
              {t('cancelRegistration')}
            </button>
          </p>
        ))}
      {!live && <p>{view.status === 'confirmed' ? t('registrationNoLongerCancellable') : t('registrationNotLive')}</p>}
      <StatusMessage message={mutation.done} />
    </section>
  );
}

export function RegistrationPage({ token }: { token: string }) {
  const { lang, t } = useI18n();
  const location = useLocation();
  const isNew = new URLSearchParams(location.search).get('new') === '1';
  const { state, retry, refresh } = useLoad(keys.registration(token), (signal) => registration(token, signal));
  useDocumentTitle(isNew ? t('registrationDoneTitle') : t('registrationTitle'), t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const view = state.data;
  const showQr = view.status === 'confirmed';
  // An event category with staff approval: received, not yet confirmed (docs/events-api.md).
  const pending = (view.status as string) === 'pending_approval';
  const statusLink = `${window.location.origin}/registrations/${token}`;
  return (
    <>
      <h1>{isNew ? t('registrationDoneTitle') : t('registrationTitle')}</h1>
      {isNew && <p className="lead">{pending ? t('pendingApprovalNote') : view.status === 'waitlisted' ? t('registrationDoneWaitlisted') : t('registrationDoneConfirmed')}</p>}
      <dl className="summary-list facts session-facts" data-testid="registration-facts">
        <div>
          <dt>{t('sessionTitle')}</dt>
          <dd lang={textLang(view.session.title, lang)}>
            <Link href={`/academy/sessions/${view.session.id}`}>{localText(view.session.title, lang)}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('sessionWhen')}</dt>
          <dd>{formatDateTime(view.session.startsAt, lang)}</dd>
        </div>
        <div>
          <dt>{t('sessionVenue')}</dt>
          <dd>{view.session.venue}</dd>
        </div>
        <div>
          <dt>{t('applicantName')}</dt>
          <dd>{view.name}</dd>
        </div>
        <div>
          <dt>{t('registrationStatus')}</dt>
          <dd>
            <span className={`badge reg-status reg-status-${view.status}`} data-testid="registration-status" data-status={view.status}>
              {REG_STATUS_LABELS[view.status] ? t(REG_STATUS_LABELS[view.status]) : pending ? t('regPendingApproval') : view.status}
            </span>
            {view.status === 'waitlisted' && view.waitlistPosition != null && <> {t('waitlistPosition', { position: view.waitlistPosition })}</>}
          </dd>
        </div>
      </dl>
      {showQr && (
        <section className="plan-section qr-section" aria-labelledby="qr-heading">
          <h2 id="qr-heading">{t('qrHeading')}</h2>
          <p>{t('qrHelp')}</p>
          <img className="qr-code" src={qrUrl(token)} alt={t('qrAlt')} width={240} height={240} data-testid="registration-qr" />
          {view.checkInCode && (
            <>
              <p className="check-in-code">
                {t('checkInCodeLabel')}{' '}
                <strong lang="en" translate="no" data-testid="check-in-code" data-code={view.checkInCode}>
                  {formatCheckInCode(view.checkInCode)}
                </strong>
              </p>
              <p className="field-hint">{t('checkInCodeHelp')}</p>
            </>
          )}
        </section>
      )}
      <section className="plan-section" aria-labelledby="link-heading">
        <h2 id="link-heading">{t('statusLinkHeading')}</h2>
        <p>{t('statusLinkHelp')}</p>
        <p className="status-link">
          <a href={statusLink} data-testid="status-link">
            {statusLink}
          </a>
        </p>
      </section>
      <Actions token={token} view={view} onChanged={() => refresh().catch(() => retry())} />
    </>
  );
}
