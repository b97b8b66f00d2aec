import type { ReactNode } from 'react';
import { LANGS, useI18n, type Lang } from '../i18n.ts';
import { Link as RouterLink, useLocation } from 'react-router';
import { isStaffRoute, type Route } from '../router.ts';
import { Link } from './Link.tsx';

/** Language names are written in their own language, as KRDS language switchers do. */
const LANG_NAMES: Record<Lang, string> = { ko: '한국어', en: 'English' };

/**
 * KRDS masthead (official-site banner) + header with the service name and language switch;
 * `children` (the staff menu, when signed in) goes under the header bar.
 */
const PUBLIC_NAV: {
  href: string;
  label: 'navAcademy' | 'navSchool' | 'navEvents' | 'navTraining' | 'navFacilities' | 'navSettlement' | 'navOrdinance';
  routes: Route['name'][];
}[] = [
  { href: '/academy', label: 'navAcademy', routes: ['academy', 'academySession', 'registration', 'survey'] },
  { href: '/school', label: 'navSchool', routes: ['school', 'schoolApplication'] },
  { href: '/events', label: 'navEvents', routes: ['events', 'event'] },
  { href: '/training', label: 'navTraining', routes: ['training', 'trainingCohort', 'trainee', 'trainingCheckIn', 'certificate'] },
  { href: '/facilities', label: 'navFacilities', routes: ['facilities', 'facility'] },
  { href: '/settlement', label: 'navSettlement', routes: ['settlement', 'settlementBoard', 'settlementSurvey', 'feedbackTracking'] },
  { href: '/cooperation/ordinance', label: 'navOrdinance', routes: ['ordinance', 'attraction'] },
];

export function SiteHeader({ route, children }: { route?: Route; children?: ReactNode }) {
  const { lang, t } = useI18n();
  const location = useLocation();
  // Each option names its language explicitly (even ko) so it overrides a stored preference.
  const hrefFor = (target: Lang) => {
    const params = new URLSearchParams(location.search);
    params.set('lang', target);
    return `${location.pathname}?${params.toString()}${location.hash}`;
  };

  return (
    <header className="site-header">
      <div className="masthead">
        <div className="inner">
          <p>{t('mastheadText')}</p>
        </div>
      </div>
      <div className="header-bar">
        <div className="inner">
          <Link href="/" className="service-name">
            <span className="service-logo">finhub</span> <span className="service-title">{t('serviceTitle')}</span>
          </Link>
          <ul className="lang-switch" data-testid="lang-switch" aria-label={t('langSwitchLabel')}>
            {LANGS.map((option) => (
              <li key={option}>
                <RouterLink to={hrefFor(option)} lang={option} hrefLang={option} aria-current={option === lang ? 'true' : undefined}>
                  {LANG_NAMES[option]}
                </RouterLink>
              </li>
            ))}
          </ul>
        </div>
      </div>
      {route && !isStaffRoute(route) && (
        <nav className="public-nav" aria-label={t('publicNavLabel')} data-testid="public-nav">
          <div className="inner">
            <ul>
              {PUBLIC_NAV.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} aria-current={item.routes.includes(route.name) ? 'page' : undefined}>
                    {t(item.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      )}
      {children}
    </header>
  );
}
