/** `/cooperation/ordinance`: the ordinance's current stage and dates, notice period, opinion counts and published documents. */
import { OrdinanceDocuments, OrdinanceRoundFacts, OrdinanceStages } from '../components/cooperation/OrdinanceRound.tsx';
import { ErrorView, Loading, NotFoundView } from '../components/StatusViews.tsx';
import { ordinance } from '../cooperation-api.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { keys } from '../queries.ts';

export function OrdinancePage() {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.ordinance(), (signal) => ordinance(signal));
  useDocumentTitle(t('ordinanceTitle'), t('titleSuffix'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundView />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const o = state.data;
  const earlier = o.rounds.filter((r) => r.id !== o.current.id).reverse();
  const roundName = (r: typeof o.current) => `${t('ordinanceRound', { round: r.round })} ${r.kind === 'enactment' ? t('ordinanceEnactment') : t('ordinanceAmendment')}`;
  return (
    <>
      <h1>{t('ordinanceTitle')}</h1>
      <p className="lead">{t('ordinanceIntro')}</p>
      <section className="plan-section" aria-labelledby="ordinance-heading" data-testid="ordinance">
        <h2 id="ordinance-heading" lang={lang === 'en' && !o.title.en ? 'ko' : undefined}>
          {lang === 'en' ? (o.title.en ?? o.title.ko) : o.title.ko}
        </h2>
        {o.planLine && (
          <p>
            {t('ordinancePlanLine')}: <span lang="ko">{o.planLine}</span>
          </p>
        )}
        <h3>{roundName(o.current)}</h3>
        {o.current.summary && <p>{lang === 'en' ? (o.current.summary.en ?? o.current.summary.ko) : o.current.summary.ko}</p>}
        <OrdinanceRoundFacts round={o.current} stageCount={o.stageCount} />
        <h3>{t('ordinanceStages')}</h3>
        <OrdinanceStages round={o.current} />
        <h3>{t('ordinanceDocuments')}</h3>
        <OrdinanceDocuments round={o.current} />
      </section>
      {earlier.length > 0 && (
        <section className="plan-section" aria-labelledby="ordinance-earlier-heading">
          <h2 id="ordinance-earlier-heading">{t('ordinanceEarlierRounds')}</h2>
          {earlier.map((r) => (
            <div key={r.id} data-testid="ordinance-earlier-round">
              <h3>{roundName(r)}</h3>
              <OrdinanceRoundFacts round={r} stageCount={o.stageCount} />
              <OrdinanceStages round={r} />
              <OrdinanceDocuments round={r} />
            </div>
          ))}
        </section>
      )}
    </>
  );
}
