/**
 * `/staff/events/:id/check-in`: attendance on the day from a phone — the academy's camera QR
 * scanner, typing the token as the fallback, and a name search with a check-in button. A second
 * scan of the same ticket says it was already checked in.
 */
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api-client.ts';
import { tokenFromScan } from '../../education-format.ts';
import { Link } from '../../components/Link.tsx';
import { ErrorView, Loading, NotFoundView } from '../../components/StatusViews.tsx';
import { Attendees, useEventCheckIn } from '../../components/events/Attendees.tsx';
import { LocalText, plainText } from '../../components/events/EventText.tsx';
import { FormAlert } from '../../components/staff/Notice.tsx';
import { manageEvent } from '../../events-api.ts';
import { useApi, useDocumentTitle } from '../../hooks.ts';
import { useI18n } from '../../i18n.ts';
import { Scanner } from './CheckInPage.tsx';

export function EventCheckInPage({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const tokenId = useId();
  const [token, setToken] = useState('');
  const [version, setVersion] = useState(0);
  const [state, retry] = useApi(`checkin-event-${id}`, (signal) => manageEvent(id, signal));
  const checking = useEventCheckIn(id, () => setVersion((v) => v + 1));
  useDocumentTitle(t('checkInTitle'), t('staffTitleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const submitToken = (e: FormEvent) => {
    e.preventDefault();
    const value = tokenFromScan(token);
    if (value) void checking.run({ token: value });
  };
  const error = checking.mutation.error instanceof ApiError ? checking.mutation.error.describe(lang) : checking.mutation.error ? t('unexpectedError') : null;
  return (
    <div className="check-in-page">
      <nav className="breadcrumb" aria-label={t('breadcrumbLabel')}>
        <ol>
          <li>
            <Link href="/staff/events">{t('staffEventsTitle')}</Link>
          </li>
          <li>
            <Link href={`/staff/events/${id}`}>{plainText(state.data.title, lang)}</Link>
          </li>
          <li aria-current="page">{t('checkInTitle')}</li>
        </ol>
      </nav>
      <h1>{t('checkInTitle')}</h1>
      <LocalText text={state.data.title} as="p" className="lead" />
      <section className="plan-section" aria-labelledby="scan-heading">
        <h2 id="scan-heading">{t('scanHeading')}</h2>
        <Scanner onToken={(scanned) => void checking.run({ token: scanned })} />
        <form className="search-form" onSubmit={submitToken} data-testid="token-form">
          <label htmlFor={tokenId}>{t('typeToken')}</label>
          <div className="search-row">
            <input id={tokenId} type="text" name="token" autoComplete="off" autoCapitalize="off" spellCheck={false} value={token} onChange={(e) => setToken(e.target.value)} />
            <button type="submit" className="button-primary" disabled={checking.mutation.busy}>
              {t('checkIn')}
            </button>
          </div>
        </form>
        <FormAlert message={error} focus />
        <p className={`form-status check-in-status${checking.result?.already ? ' check-in-already' : ''}`} role="status" data-testid="scan-result">
          {checking.message}
        </p>
      </section>
      <Attendees eventId={id} canApprove={false} canCheckIn compact version={version} />
    </div>
  );
}
