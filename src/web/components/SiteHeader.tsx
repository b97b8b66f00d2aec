import type { ReactNode } from 'react';
import { LANGS, useI18n, type Lang } from '../i18n.ts';
import { handleLinkClick, useLocation } from '../router.ts';
import { Link } from './Link.tsx';

/** Language names are written in their own language, as KRDS language switchers do. */
const LANG_NAMES: Record<Lang, string> = { ko: '한국어', en: 'English' };

/**
 * KRDS masthead (official-site banner) + header with the service name and language switch;
 * `children` (the staff menu, when signed in) goes under the header bar.
 */
export function SiteHeader({ children }: { children?: ReactNode }) {
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
            <span className="service-logo">finhub</span>{' '}
            <span className="service-title">{t('serviceTitle')}</span>
          </Link>
          <ul className="lang-switch" data-testid="lang-switch" aria-label={t('langSwitchLabel')}>
            {LANGS.map((option) => (
              <li key={option}>
                <a
                  href={hrefFor(option)}
                  lang={option}
                  hrefLang={option}
                  aria-current={option === lang ? 'true' : undefined}
                  onClick={handleLinkClick}
                >
                  {LANG_NAMES[option]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
      {children}
    </header>
  );
}
