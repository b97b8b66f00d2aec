/** 저작권정책: what of this site may be reused, under which licence (공공누리 제1유형), and what may not. */
import { CITY_PHONE } from '../city.ts';
import { useDocumentTitle } from '../hooks.ts';
import { useI18n } from '../i18n.ts';

export function CopyrightPage() {
  const { t } = useI18n();
  useDocumentTitle(t('copyrightTitle'), t('titleSuffix'));
  return (
    <article className="policy-page" data-testid="copyright-page">
      <h1>{t('copyrightTitle')}</h1>
      <p className="lead">{t('copyrightIntro')}</p>
      <section>
        <h2>{t('copyrightKoglTitle')}</h2>
        <p>{t('copyrightKoglText')}</p>
      </section>
      <section>
        <h2>{t('copyrightSourceTitle')}</h2>
        <p>{t('copyrightSourceText')}</p>
      </section>
      <section>
        <h2>{t('copyrightExceptTitle')}</h2>
        <ul>
          <li>{t('copyrightExcept1')}</li>
          <li>{t('copyrightExcept2')}</li>
          <li>{t('copyrightExcept3')}</li>
        </ul>
        <p>{t('copyrightExceptText')}</p>
      </section>
      <section>
        <h2>{t('copyrightLinkTitle')}</h2>
        <p>{t('copyrightLinkText')}</p>
        <p>{t('copyrightContact', { phone: CITY_PHONE })}</p>
      </section>
    </article>
  );
}
