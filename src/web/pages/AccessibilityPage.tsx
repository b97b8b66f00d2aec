/** 웹접근성 정책: the guidelines this site follows (KWCAG 2.2), how it is checked, and where to report a problem. */
import { CITY_PHONE } from '../city.ts';
import { useDocumentTitle } from '../hooks.ts';
import { useI18n } from '../i18n.ts';

export function AccessibilityPage() {
  const { t } = useI18n();
  useDocumentTitle(t('accessibilityTitle'), t('titleSuffix'));
  return (
    <article className="policy-page" data-testid="accessibility-page">
      <h1>{t('accessibilityTitle')}</h1>
      <p className="lead">{t('accessibilityIntro')}</p>
      <section>
        <h2>{t('accessibilityDoTitle')}</h2>
        <ul>
          <li>{t('accessibilityDo1')}</li>
          <li>{t('accessibilityDo2')}</li>
          <li>{t('accessibilityDo3')}</li>
          <li>{t('accessibilityDo4')}</li>
          <li>{t('accessibilityDo5')}</li>
        </ul>
      </section>
      <section>
        <h2>{t('accessibilityCheckTitle')}</h2>
        <p>{t('accessibilityCheckText')}</p>
      </section>
      <section>
        <h2>{t('accessibilityLimitTitle')}</h2>
        <p>{t('accessibilityLimitText')}</p>
      </section>
      <section>
        <h2>{t('accessibilityContactTitle')}</h2>
        <p>{t('accessibilityContactText', { phone: CITY_PHONE })}</p>
      </section>
    </article>
  );
}
