import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { LANGS, useI18n, type Lang } from '../i18n.ts';
import { Link as RouterLink, useLocation } from 'react-router';
import { isStaffRoute, type Route } from '../router.ts';
import emblem from '../assets/jeonju-emblem.svg';
import { Link } from './Link.tsx';

/** Language names are written in their own language, as KRDS language switchers do. */
const LANG_NAMES: Record<Lang, string> = { ko: '한국어', en: 'English' };

/** The public menu: one entry per programme, marked current for any of its routes. */
const PUBLIC_NAV: {
  href: string;
  label: 'navAcademy' | 'navSchool' | 'navEvents' | 'navTraining' | 'navFacilities' | 'navSettlement' | 'navOrdinance' | 'navNews';
  routes: Route['name'][];
}[] = [
  { href: '/academy', label: 'navAcademy', routes: ['academy', 'academySession', 'registration', 'survey'] },
  { href: '/school', label: 'navSchool', routes: ['school', 'schoolApplication'] },
  { href: '/events', label: 'navEvents', routes: ['events', 'event'] },
  { href: '/training', label: 'navTraining', routes: ['training', 'trainingCohort', 'trainee', 'trainingCheckIn', 'certificate'] },
  { href: '/facilities', label: 'navFacilities', routes: ['facilities', 'facility'] },
  { href: '/settlement', label: 'navSettlement', routes: ['settlement', 'settlementBoard', 'settlementSurvey', 'feedbackTracking'] },
  { href: '/cooperation/ordinance', label: 'navOrdinance', routes: ['ordinance', 'attraction'] },
  { href: '/news', label: 'navNews', routes: ['news', 'newsItem'] },
];

/**
 * KRDS masthead: the official-site banner, with a disclosure telling how to check that a site is
 * official (its go.kr address, the padlock of a secure connection).
 */
function Masthead() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const panel = useId();
  return (
    <div className="masthead" data-testid="masthead">
      <div className="inner">
        <p>{t('mastheadText')}</p>
        <button type="button" className="masthead-toggle" aria-expanded={open} aria-controls={panel} onClick={() => setOpen(!open)} data-testid="masthead-verify">
          {t('mastheadVerify')}
        </button>
      </div>
      <div id={panel} className="masthead-panel" hidden={!open}>
        <div className="inner">
          <div>
            <h2>{t('mastheadDomainTitle')}</h2>
            <p>{t('mastheadDomainText')}</p>
          </div>
          <div>
            <h2>{t('mastheadHttpsTitle')}</h2>
            <p>{t('mastheadHttpsText')}</p>
          </div>
        </div>
      </div>
    </div>
  );
}

/**
 * KRDS header: masthead, the city's identity (emblem and name) with the service name, the
 * language switch and the public menu, which a phone folds behind a menu button; `children`
 * (the staff menu, when signed in) goes under the header bar.
 */
export function SiteHeader({ route, children }: { route?: Route; children?: ReactNode }) {
  const { lang, t } = useI18n();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  // A page change (a menu link followed) folds the menu again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path is the trigger, not an input
  useEffect(() => setMenuOpen(false), [location.pathname]);
  // Each option names its language explicitly (even ko) so it overrides a stored preference.
  const hrefFor = (target: Lang) => {
    const params = new URLSearchParams(location.search);
    params.set('lang', target);
    return `${location.pathname}?${params.toString()}${location.hash}`;
  };
  const publicNav = route && !isStaffRoute(route);

  return (
    <header className="site-header">
      <Masthead />
      <div className="header-bar">
        <div className="inner">
          <Link href="/" className="service-name">
            <img className="city-emblem" src={emblem} alt={t('cityEmblemAlt')} width={40} height={40} />
            <span className="city-name">{t('cityName')}</span> <span className="service-title">{t('serviceTitle')}</span>
          </Link>
          <div className="header-tools">
            <ul className="lang-switch" data-testid="lang-switch" aria-label={t('langSwitchLabel')}>
              {LANGS.map((option) => (
                <li key={option}>
                  <RouterLink to={hrefFor(option)} lang={option} hrefLang={option} aria-current={option === lang ? 'true' : undefined}>
                    {LANG_NAMES[option]}
                  </RouterLink>
                </li>
              ))}
            </ul>
            {publicNav && (
              <button
                type="button"
                className="menu-button"
                ref={menuButton}
                aria-expanded={menuOpen}
                aria-controls={menuId}
                onClick={() => setMenuOpen(!menuOpen)}
                data-testid="menu-button"
              >
                <span className="menu-icon" aria-hidden="true" />
                {menuOpen ? t('menuClose') : t('menuOpen')}
              </button>
            )}
          </div>
        </div>
      </div>
      {publicNav && (
        <nav
          id={menuId}
          className={`public-nav${menuOpen ? ' open' : ''}`}
          aria-label={t('publicNavLabel')}
          data-testid="public-nav"
          onKeyDown={(e) => {
            if (e.key !== 'Escape' || !menuOpen) return;
            setMenuOpen(false);
            menuButton.current?.focus();
          }}
        >
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
