/**
 * The page shell (KRDS order: skip link, masthead + header, main, footer) and the routes.
 * The language is derived from the URL on every render, so back/forward restore it too.
 * Staff pages (/staff/…) share the shell; the header then carries the staff menu, and a page
 * that needs a session sends a signed-out visitor to /staff/login (and back afterwards).
 */
import { useEffect, useMemo, useRef } from 'react';
import { SiteFooter } from './components/SiteFooter.tsx';
import { SiteHeader } from './components/SiteHeader.tsx';
import { StaffNav } from './components/staff/StaffNav.tsx';
import { I18nContext, langFromSearch, storeLang, storedLang, translator, withLang } from './i18n.ts';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PlanPage } from './pages/PlanPage.tsx';
import { AcademyPage } from './pages/AcademyPage.tsx';
import { AcademySessionPage } from './pages/AcademySessionPage.tsx';
import { RegistrationPage } from './pages/RegistrationPage.tsx';
import { SchoolApplicationPage } from './pages/SchoolApplicationPage.tsx';
import { SchoolPage } from './pages/SchoolPage.tsx';
import { SurveyPage } from './pages/SurveyPage.tsx';
import { EventPage } from './pages/EventPage.tsx';
import { EventsPage } from './pages/EventsPage.tsx';
import { StaffPages } from './pages/staff/StaffPages.tsx';
import { isStaffRoute, matchRoute, navigate, useLocation } from './router.ts';
import { SessionContext, useSessionLoader } from './session.ts';

export function App() {
  const location = useLocation();
  const urlLang = langFromSearch(location.search);
  const lang = urlLang ?? storedLang() ?? 'ko';
  const i18n = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  const route = matchRoute(location.pathname);
  const staff = isStaffRoute(route);
  const session = useSessionLoader(staff);
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);

  useEffect(() => {
    document.documentElement.lang = lang;
    if (urlLang) storeLang(urlLang);
  }, [lang, urlLang]);

  // A staff page without a session: sign in first, then come back here.
  const signedOut = session.state.status === 'signedOut';
  useEffect(() => {
    if (!staff || route.name === 'staffLogin' || !signedOut) return;
    const next = encodeURIComponent(location.pathname);
    navigate(withLang(`/staff/login?next=${next}`, lang), { replace: true });
  }, [staff, route.name, signedOut, location.pathname, lang]);

  // After a client-side page change, start at the top and put focus on <main>, the way a
  // full page load would for screen-reader and keyboard users. Comparing paths (not "first
  // render") keeps this idempotent under StrictMode; a language switch keeps the path and focus.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    if (location.hash) return;
    window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname, location.hash]);

  const user = staff && session.state.status === 'signedIn' ? session.state.user : null;
  return (
    <I18nContext.Provider value={i18n}>
      <SessionContext.Provider value={session}>
        <div className="skip-link">
          <a href="#main-content">{i18n.t('skipLink')}</a>
        </div>
        <SiteHeader route={route}>{user && <StaffNav user={user} route={route} />}</SiteHeader>
        <main id="main-content" className={`site-main${staff ? ' staff-main' : ''}`} tabIndex={-1} ref={mainRef}>
          <div className="inner">
            {route.name === 'home' && <HomePage />}
            {route.name === 'plan' && <PlanPage key={route.id} id={route.id} />}
            {route.name === 'notFound' && <NotFoundPage />}
            {route.name === 'academy' && <AcademyPage />}
            {route.name === 'academySession' && <AcademySessionPage key={route.id} id={route.id} />}
            {route.name === 'registration' && <RegistrationPage key={route.token} token={route.token} />}
            {route.name === 'survey' && <SurveyPage key={route.token} token={route.token} />}
            {route.name === 'school' && <SchoolPage />}
            {route.name === 'schoolApplication' && <SchoolApplicationPage key={route.token} token={route.token} />}
            {route.name === 'events' && <EventsPage />}
            {route.name === 'event' && <EventPage key={route.id} id={route.id} />}
            {staff && <StaffPages route={route} />}
          </div>
        </main>
        <SiteFooter />
      </SessionContext.Provider>
    </I18nContext.Provider>
  );
}
