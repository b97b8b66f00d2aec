/** `/cooperation/attraction`: MOUs signed, offices opened, and the institutions that agreed to be named. */
import { ATTRACTION_STAGE_LABELS, INSTITUTION_KIND_LABELS } from '../components/cooperation/labels.ts';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { attractionPublic } from '../cooperation-api.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { keys } from '../queries.ts';

export function AttractionPage() {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.attraction(), (signal) => attractionPublic(signal));
  useDocumentTitle(t('attractionTitle'), t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status !== 'ok') return <ErrorView error={state.status === 'error' ? state.error : null} onRetry={retry} />;
  const a = state.data;
  return (
    <>
      <h1>{t('attractionTitle')}</h1>
      <p className="lead">{t('attractionIntro')}</p>
      <section className="plan-section" aria-labelledby="attraction-counts-heading">
        <h2 id="attraction-counts-heading" className="visually-hidden">
          {t('attractionTitle')}
        </h2>
        <dl className="summary-list facts">
          <div>
            <dt>{t('attractionMous')}</dt>
            <dd data-testid="attraction-mous">{t('attractionCount', { count: a.mousSigned })}</dd>
          </div>
          <div>
            <dt>{t('attractionOffices')}</dt>
            <dd data-testid="attraction-offices">{t('attractionCount', { count: a.officesOpened })}</dd>
          </div>
        </dl>
      </section>
      <section className="plan-section" aria-labelledby="attraction-named-heading">
        <h2 id="attraction-named-heading">{t('attractionNamed')}</h2>
        {a.announced.length === 0 ? (
          <p>{t('attractionNoneNamed')}</p>
        ) : (
          <ul className="plan-list" data-testid="attraction-named">
            {a.announced.map((x, i) => (
              <li key={i} className="plan-card">
                <strong lang={lang === 'en' && !x.name.en ? 'ko' : undefined}>{lang === 'en' ? (x.name.en ?? x.name.ko) : x.name.ko}</strong>{' '}
                <span className="badge">{t(INSTITUTION_KIND_LABELS[x.kind]!)}</span> <span className="badge">{ATTRACTION_STAGE_LABELS[x.stage]![lang]}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
