/** `/staff/plans/:id/ledger`: 공약가계부 — planned, secured and executed money, and the executions. */
import { useCallback } from 'react';
import { fetchPlan } from '../../api-client.ts';
import { ExecutionList } from '../../components/staff/ExecutionList.tsx';
import { ExecutionForm, SecuredForm } from '../../components/staff/LedgerForms.tsx';
import { LedgerTable } from '../../components/staff/LedgerTable.tsx';
import { PlanTabs, StaffBreadcrumb } from '../../components/staff/PlanTabs.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { useDocumentTitle, useLoad } from '../../hooks.ts';
import { keys } from '../../queries.ts';
import { useI18n } from '../../i18n.ts';
import { isManager, useUser } from '../../session.ts';
import { fetchLedger } from '../../staff-api.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';

async function load(id: number, signal: AbortSignal) {
  const [plan, ledger] = await Promise.all([fetchPlan(id, signal), fetchLedger(id, signal)]);
  return { plan, ledger };
}

export function LedgerPage({ id }: { id: number }) {
  const { t } = useI18n();
  const user = useUser();
  const { state, retry, refresh } = useLoad(keys.staffLedger(id), (signal) => load(id, signal));
  const onChanged = useCallback(() => {
    refresh().catch(() => retry());
  }, [refresh, retry]);
  useDocumentTitle(state.status === 'ok' ? `${state.data.plan.title} · ${t('linkLedger')}` : null, t('staffTitleSuffix'));

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundPage />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const { plan, ledger } = state.data;
  const years = [...new Set([...plan.budget.years, ...ledger.rows.map((r) => r.year)])].sort((a, b) => a - b);
  const manager = isManager(user);

  return (
    <article data-testid="ledger-page">
      <StaffBreadcrumb title={plan.title} />
      <p className="plan-pledge">{plan.pledge}</p>
      <h1>
        {t('linkLedger')}: {plan.title}
      </h1>
      <PlanTabs planId={plan.id} current="ledger" />
      <section className="plan-section" aria-labelledby="ledger-heading">
        <h2 id="ledger-heading">{t('ledgerHeading')}</h2>
        <p className="lead">{t('ledgerIntro')}</p>
        <LedgerTable ledger={ledger} />
        {manager && ledger.rows.length > 0 && <SecuredForm planId={plan.id} rows={ledger.rows} years={years} onSaved={onChanged} />}
      </section>
      <section className="plan-section" aria-labelledby="executions-heading">
        <h2 id="executions-heading">{t('executionsHeading')}</h2>
        <ExecutionList executions={ledger.executions} canManage={manager && ledger.rows.length > 0} onChanged={onChanged} form={{ planId: plan.id, rows: ledger.rows, years }} />
        {manager && ledger.rows.length > 0 && <ExecutionForm planId={plan.id} rows={ledger.rows} years={years} onSaved={onChanged} />}
      </section>
    </article>
  );
}
