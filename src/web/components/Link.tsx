import type { AnchorHTMLAttributes } from 'react';
import { useI18n, withLang } from '../i18n.ts';
import { handleLinkClick } from '../router.ts';

/** An internal link: a real <a href> that keeps the current language and navigates client-side. */
export function Link({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { lang } = useI18n();
  return <a {...rest} href={withLang(href, lang)} onClick={handleLinkClick} />;
}
