import { CITY_PHONE } from '../city.ts';
import { useI18n } from '../i18n.ts';
import { Link } from './Link.tsx';

/**
 * KRDS footer: who runs the site, its address and phone, the site-policy links (the privacy
 * policy first and emphasised, as KRDS and PIPA guidance ask) and the identifier.
 */
export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="site-footer" data-testid="site-footer">
      <div className="inner">
        <p className="footer-org">{t('cityName')}</p>
        <address className="footer-address">
          <span>{t('footerAddress')}</span>
          <span>
            <strong>{t('footerPhone', { phone: CITY_PHONE })}</strong> ({t('footerPhoneHours')})
          </span>
          <span>{t('footerFinanceDept')}</span>
        </address>
        <nav aria-label={t('footerPolicyLinks')}>
          <ul className="footer-links" data-testid="footer-links">
            <li>
              <Link href="/privacy" className="footer-privacy">
                {t('footerPrivacy')}
              </Link>
            </li>
            <li>
              <Link href="/copyright">{t('footerCopyrightPolicy')}</Link>
            </li>
            <li>
              <Link href="/accessibility">{t('footerAccessibility')}</Link>
            </li>
          </ul>
        </nav>
        <p className="footer-copy">{t('footerCopyright')}</p>
      </div>
      <div className="identifier" data-testid="identifier">
        <div className="inner">
          <p>{t('footerIdentifier')}</p>
        </div>
      </div>
    </footer>
  );
}
