/**
 * `/staff/academy/sessions/:id/check-in`: attendance from a phone — the shared check-in panel
 * (camera QR scanner, typed token) and a name search with a check-in button.
 */
import { useState } from 'react';
import { CheckInPanel } from '../../components/CheckIn.tsx';
import { academySession } from '../../education-api.ts';
import { localText, textLang } from '../../education-format.ts';
import { Link } from '../../components/Link.tsx';
import { ErrorView, Loading, NotFoundView } from '../../components/StatusViews.tsx';
import { Registrants, useCheckIn } from '../../components/education/Registrants.tsx';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { keys } from '../../queries.ts';
import { useI18n } from '../../i18n.ts';
import { isManager, useUser } from '../../session.ts';

export function CheckInPage({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const user = useUser();
  const [refreshKey, setRefreshKey] = useState(0);
  const { state, retry } = useLoad(keys.staffAcademySession(id), (signal) => academySession(id, signal));
  const checking = useCheckIn(id, () => setRefreshKey((k) => k + 1));
  const title = state.status === 'ok' ? localText(state.data.title, lang) : null;
  useDocumentTitle(t('checkInTitle'), t('staffTitleSuffix'));

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;

  return (
    <div className="check-in-page">
      <nav className="breadcrumb" aria-label={t('breadcrumbLabel')}>
        <ol>
          <li>
            <Link href="/staff/academy">{t('staffAcademyTitle')}</Link>
          </li>
          <li>
            <Link href={`/staff/academy/sessions/${id}`}>{title}</Link>
          </li>
          <li aria-current="page">{t('checkInTitle')}</li>
        </ol>
      </nav>
      <h1>{t('checkInTitle')}</h1>
      <p className="lead" lang={state.status === 'ok' ? textLang(state.data.title, lang) : undefined}>
        {title}
      </p>
      <CheckInPanel checking={checking} />
      <Registrants key={refreshKey} sessionId={id} canUnmask={isManager(user)} canCheckIn compact />
    </div>
  );
}
