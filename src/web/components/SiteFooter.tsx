import { useI18n } from '../i18n.ts';

/** KRDS footer with the identifier: which organisation runs this site, and where it is. */
export function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <div className="inner">
        <p className="footer-org">
          <span lang="ko">전주시</span> <span lang="en">Jeonju City</span>
        </p>
        <address className="footer-address">{t('footerAddress')}</address>
        <p className="footer-copy">{t('footerCopyright')}</p>
      </div>
      <div className="identifier">
        <div className="inner">
          <p>{t('footerIdentifier')}</p>
        </div>
      </div>
    </footer>
  );
}
