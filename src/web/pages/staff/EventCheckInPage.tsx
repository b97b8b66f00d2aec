/**
 * `/staff/events/:id/check-in`: attendance on the day from a phone — the academy's camera QR
 * scanner, typing the token as the fallback, and a name search with a check-in button. A second
 * scan of the same ticket says it was already checked in.
 */
import { useState } from 'react';
import { CheckInPanel } from '../../components/CheckIn.tsx';
import { Link } from '../../components/Link.tsx';
import { ErrorView, Loading, NotFoundView } from '../../components/StatusViews.tsx';
import { Attendees, useEventCheckIn } from '../../components/events/Attendees.tsx';
import { LocalText, plainText } from '../../components/events/EventText.tsx';
import { manageEvent } from '../../events-api.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { keys } from '../../queries.ts';
import { useI18n } from '../../i18n.ts';

export function EventCheckInPage({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const [version, setVersion] = useState(0);
  const { state, retry } = useLoad(keys.staffEvent(id), (signal) => manageEvent(id, signal));
  const checking = useEventCheckIn(id, () => setVersion((v) => v + 1));
  useDocumentTitle(t('checkInTitle'), t('staffTitleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
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
      <CheckInPanel checking={checking} />
      <Attendees eventId={id} canApprove={false} canCheckIn compact version={version} />
    </div>
  );
}
