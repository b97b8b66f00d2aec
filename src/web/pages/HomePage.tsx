/** `/`: the list of published action plans. */
import { fetchPlans, type PlanSummary } from '../api-client.ts';
import { Link } from '../components/Link.tsx';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { formatEok, formatKrwCompact } from '../format.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { keys } from '../queries.ts';
import { useI18n } from '../i18n.ts';

function PlanCard({ plan }: { plan: PlanSummary }) {
  const { t } = useI18n();
  return (
    <li className="plan-card" data-testid="plan-card">
      <p className="plan-pledge">{plan.pledge}</p>
      <h3>
        <Link href={`/plans/${plan.id}`} data-testid="plan-link">
          {plan.title}
        </Link>
      </h3>
      <p className="plan-meta">{t('categoryNumber', { category: plan.category, number: plan.number })}</p>
      <dl className="summary-list">
        <div>
          <dt>{t('period')}</dt>
          <dd>
            {plan.period.start} ~ {plan.period.end}
          </dd>
        </div>
        <div>
          <dt>{t('totalBudget')}</dt>
          <dd>{t('totalBudgetValue', { amount: formatEok(plan.totalBudgetKrw), krw: formatKrwCompact(plan.totalBudgetKrw) })}</dd>
        </div>
      </dl>
    </li>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const { state, retry } = useLoad(keys.plans(), fetchPlans);
  useDocumentTitle(state.status === 'error' ? t('errorTitle') : null, t('titleSuffix'));

  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  return (
    <>
      <h1>{t('homeTitle')}</h1>
      <p className="lead">{t('homeIntro')}</p>
      <section className="home-plans" aria-labelledby="plan-list-heading">
        <h2 id="plan-list-heading">{t('planListHeading')}</h2>
        {state.status === 'loading' && <Loading />}
        {state.status === 'ok' &&
          (state.data.length === 0 ? (
            <p>{t('planListEmpty')}</p>
          ) : (
            <ul className="plan-list" data-testid="plan-list">
              {state.data.map((plan) => (
                <PlanCard key={plan.id} plan={plan} />
              ))}
            </ul>
          ))}
      </section>
    </>
  );
}
