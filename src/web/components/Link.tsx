import type { AnchorHTMLAttributes } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import { useI18n, withLang } from '../i18n.ts';

/**
 * An internal link: a real <a href> (keyboard, middle-click and "open in new tab" keep working)
 * that keeps the current language and navigates client-side (react-router's <Link>). A link to
 * an anchor on this very page stays a plain <a>: the browser scrolls and moves focus itself.
 */
export function Link({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { lang } = useI18n();
  const location = useLocation();
  const to = withLang(href, lang);
  const url = new URL(to, 'http://local');
  if (url.hash && url.pathname === location.pathname && url.search === location.search) return <a {...rest} href={to} />;
  return <RouterLink {...rest} to={to} />;
}
