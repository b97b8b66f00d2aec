/**
 * The page shell (KRDS order: skip link, masthead + header, main, footer) and the routes.
 * The language is derived from the URL on every render, so back/forward restore it too.
 */
import { useEffect, useMemo, useRef } from 'react';
import { SiteFooter } from './components/SiteFooter.tsx';
import { SiteHeader } from './components/SiteHeader.tsx';
import { I18nContext, langFromSearch, storeLang, storedLang, translator } from './i18n.ts';
import { HomePage } from './pages/HomePage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { PlanPage } from './pages/PlanPage.tsx';
import { matchRoute, useLocation } from './router.ts';

export function App() {
  const location = useLocation();
  const urlLang = langFromSearch(location.search);
  const lang = urlLang ?? storedLang() ?? 'ko';
  const i18n = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  const route = matchRoute(location.pathname);
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);

  useEffect(() => {
    document.documentElement.lang = lang;
    if (urlLang) storeLang(urlLang);
  }, [lang, urlLang]);

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

  return (
    <I18nContext.Provider value={i18n}>
      <div className="skip-link">
        <a href="#main-content">{i18n.t('skipLink')}</a>
      </div>
      <SiteHeader />
      <main id="main-content" className="site-main" tabIndex={-1} ref={mainRef}>
        <div className="inner">
          {route.name === 'home' && <HomePage />}
          {route.name === 'plan' && <PlanPage key={route.id} id={route.id} />}
          {route.name === 'notFound' && <NotFoundPage />}
        </div>
      </main>
      <SiteFooter />
    </I18nContext.Provider>
  );
}
