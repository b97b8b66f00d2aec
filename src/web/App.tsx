/**
 * The page shell (KRDS order: skip link, masthead + header, main, footer) with the page of the
 * matched route (routes.tsx) in <main>.
 * The language is derived from the URL on every render, so back/forward restore it too.
 * Staff pages (/staff/…) share the shell; the header then carries the staff menu, and a page
 * that needs a session sends a signed-out visitor to /staff/login (and back afterwards).
 */
import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import { useLocation, useNavigate, useRoutes } from 'react-router';
import { SiteFooter } from './components/SiteFooter.tsx';
import { SiteHeader } from './components/SiteHeader.tsx';
import { Loading } from './components/StatusViews.tsx';
import { I18nContext, langFromSearch, storeLang, storedLang, translator, withLang } from './i18n.ts';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { isStaffRoute, matchRoute, RouteContext } from './router.ts';
import { routes } from './routes.tsx';
import { SessionContext, useSessionLoader } from './session.ts';

// Staff-only code stays out of a citizen's first download (see routes.tsx).
const StaffNav = lazy(() => import('./components/staff/StaffNav.tsx').then((m) => ({ default: m.StaffNav })));

export function App() {
  const location = useLocation();
  const urlLang = langFromSearch(location.search);
  const lang = urlLang ?? storedLang() ?? 'ko';
  const i18n = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  const current = useMemo(() => matchRoute(routes, location), [location]);
  const { route } = current;
  const page = useRoutes(routes, location);
  const navigate = useNavigate();
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
  }, [staff, route.name, signedOut, location.pathname, lang, navigate]);

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
        <RouteContext.Provider value={current}>
          <div className="skip-link">
            <a href="#main-content">{i18n.t('skipLink')}</a>
          </div>
          <SiteHeader route={route}>
            {user && (
              <Suspense fallback={null}>
                <StaffNav user={user} route={route} />
              </Suspense>
            )}
          </SiteHeader>
          <main id="main-content" className={`site-main${staff ? ' staff-main' : ''}`} tabIndex={-1} ref={mainRef}>
            <div className="inner">
              <Suspense fallback={<Loading />}>{route.name === 'notFound' ? <NotFoundPage /> : page}</Suspense>
            </div>
          </main>
          <SiteFooter />
        </RouteContext.Provider>
      </SessionContext.Provider>
    </I18nContext.Provider>
  );
}
