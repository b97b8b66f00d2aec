/** `/staff`: what needs doing (the to-do list, by role and department), every plan with its 이행률 and 완료율 (GET /api/plans/figures), the ways into running it, and the overdue consultation action items (a partner: its own). */
import { OverdueItems } from '../../components/cooperation/OverdueItems.tsx';
import { Link } from '../../components/Link.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { TodoList } from '../../components/staff/TodoList.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { formatEok, formatRate } from '../../format.ts';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { keys } from '../../queries.ts';
import { useI18n } from '../../i18n.ts';
import { isManager, useUser } from '../../session.ts';
import { fetchPlanFigures, type PlanFigureRow } from '../../staff-api.ts';

/** One read for every plan: the server sums the figures in SQL instead of sending each plan's full view. */
const loadPlans = async (signal: AbortSignal) => (await fetchPlanFigures(signal)).items;

function PlanRow({ plan }: { plan: PlanFigureRow }) {
  const { t } = useI18n();
  const overall = plan.figures;
  return (
    <li className="plan-card staff-plan-card" data-testid="staff-plan-card" data-plan-id={plan.id}>
      <p className="plan-pledge">{plan.pledge}</p>
      <h2 className="card-title">
        <Link href={`/staff/plans/${plan.id}`}>{plan.title}</Link>
      </h2>
      <p className="plan-meta">{t('categoryNumber', { category: plan.category, number: plan.number })}</p>
      <dl className="figure-list">
        <div>
          <dt>{t('progressRate')}</dt>
          <dd data-testid="dashboard-progress-rate">
            <ProgressBar value={overall.progressRate} label={t('progressRate')} />
          </dd>
        </div>
        <div>
          <dt>{t('completionRate')}</dt>
          <dd data-testid="dashboard-completion-rate">
            <ProgressBar value={overall.completionRate} label={t('completionRate')} />
          </dd>
        </div>
        <div>
          <dt>{t('budgetExecuted')}</dt>
          <dd>
            {t('eokOfEok', { executed: formatEok(plan.ledger.executedKrw), planned: formatEok(plan.ledger.plannedKrw) })} ({formatRate(plan.ledger.executionRate)})
          </dd>
        </div>
      </dl>
      <ul className="link-row">
        <li>
          <Link href={`/staff/plans/${plan.id}`}>{t('linkWorkspace')}</Link>
        </li>
        <li>
          <Link href={`/staff/plans/${plan.id}/ledger`}>{t('linkLedger')}</Link>
        </li>
        <li>
          <Link href={`/staff/plans/${plan.id}/reports`}>{t('linkReports')}</Link>
        </li>
        <li>
          <Link href={`/plans/${plan.id}`}>{t('linkPublicPage')}</Link>
        </li>
      </ul>
    </li>
  );
}

export function DashboardPage() {
  const { t } = useI18n();
  const user = useUser();
  const { state, retry } = useLoad(keys.staffPlans(), loadPlans);
  useDocumentTitle(t('dashboardTitle'), t('staffTitleSuffix'));
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  return (
    <>
      <h1>{t('dashboardTitle')}</h1>
      <p className="lead">{t('dashboardIntro', { name: user.name })}</p>
      {isManager(user) && (
        <p className="page-actions">
          <Link href="/staff/import" className="button-secondary">
            {t('importTitle')}
          </Link>
        </p>
      )}
      <TodoList />
      {state.status === 'loading' && <Loading />}
      {state.status === 'ok' &&
        (state.data.length === 0 ? (
          <p>{t('planListEmpty')}</p>
        ) : (
          <ul className="plan-list" data-testid="staff-plan-list">
            {state.data.map((plan) => (
              <PlanRow key={plan.id} plan={plan} />
            ))}
          </ul>
        ))}
      <OverdueItems />
    </>
  );
}
