/** `/plans/:id`: one action plan, laid out in the order of the plan document. */
import { LocalText, plainText } from '../components/events/EventText.tsx';
import type { ReactNode } from 'react';
import { fetchPlan, type Plan } from '../api-client.ts';
import { AsOf } from '../components/AsOf.tsx';
import { BudgetChart } from '../components/BudgetChart.tsx';
import { BudgetTable } from '../components/BudgetTable.tsx';
import { Link } from '../components/Link.tsx';
import { PhaseTimeline } from '../components/PhaseTimeline.tsx';
import { PlanProgress } from '../components/PlanProgress.tsx';
import { PublicReports } from '../components/PublicReports.tsx';
import { ScheduleList } from '../components/ScheduleList.tsx';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { formatEok, formatKrwCompact } from '../format.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { keys } from '../queries.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

const SECTIONS: { id: string; label: MessageKey }[] = [
  { id: 'progress', label: 'progressSection' },
  { id: 'contents', label: 'contents' },
  { id: 'budget', label: 'budget' },
  { id: 'phases', label: 'phases' },
  { id: 'schedule', label: 'schedule' },
  { id: 'reports', label: 'reportsSection' },
  { id: 'effects', label: 'effects' },
];

function Section({ id, label, children }: { id: string; label: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section id={id} className="plan-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t(label)}</h2>
      {children}
    </section>
  );
}

function PlanView({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  return (
    <article className="plan" data-testid="plan">
      <nav className="breadcrumb" aria-label={t('breadcrumbLabel')}>
        <ol>
          <li>
            <Link href="/">{t('home')}</Link>
          </li>
          <li aria-current="page">
            <LocalText text={{ ko: plan.title, en: plan.titleEn }} />
          </li>
        </ol>
      </nav>

      <header className="plan-header">
        <p className="plan-pledge" data-testid="plan-pledge">
          <LocalText text={{ ko: plan.pledge, en: plan.pledgeEn }} />
        </p>
        <h1 data-testid="plan-title">
          <LocalText text={{ ko: plan.title, en: plan.titleEn }} />
        </h1>
        <p className="plan-meta">{t('categoryNumber', { category: plan.category, number: plan.number })}</p>
        <dl className="summary-list">
          <div>
            <dt>{t('period')}</dt>
            <dd data-testid="plan-period">
              {plan.period.start} ~ {plan.period.end}
            </dd>
          </div>
          <div>
            <dt>{t('totalBudget')}</dt>
            <dd data-testid="plan-total-budget">{t('totalBudgetValue', { amount: formatEok(plan.totalBudgetKrw), krw: formatKrwCompact(plan.totalBudgetKrw) })}</dd>
          </div>
        </dl>
      </header>

      <nav className="toc" aria-label={t('tocLabel')}>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{t(s.label)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="progress" label="progressSection">
        <PlanProgress plan={plan} />
        <p>
          <Link href={`/plans/${plan.id}/disclosure`} data-testid="disclosure-link">
            {t('disclosureLink')}
          </Link>
        </p>
      </Section>

      <Section id="contents" label="contents">
        <dl className="contents-list">
          {plan.contents.map((c, i) => (
            <div key={i}>
              <dt>{c.area}</dt>
              <dd>{c.text}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="budget" label="budget">
        <AsOf at={plan.asOf.budget} label="asOfBudget" />
        <BudgetTable budget={plan.budget} />
        <h3>{t('chartHeading')}</h3>
        <BudgetChart budget={plan.budget} />
      </Section>

      <Section id="phases" label="phases">
        <PhaseTimeline phases={plan.phases} />
      </Section>

      <Section id="schedule" label="schedule">
        <AsOf at={plan.asOf.progress} label="asOfProgress" />
        <ScheduleList schedule={plan.schedule} planId={plan.id} />
      </Section>

      <Section id="reports" label="reportsSection">
        <PublicReports planId={plan.id} />
      </Section>

      <Section id="effects" label="effects">
        <ul className="effects-list">
          {plan.effects.map((effect, i) => (
            <li key={i} data-testid="effect">
              <LocalText text={{ ko: effect, en: plan.effectsEn[i] ?? null }} />
            </li>
          ))}
        </ul>
      </Section>
    </article>
  );
}

export function PlanPage({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.plan(id), (signal) => fetchPlan(id, signal));
  const title =
    state.status === 'ok'
      ? plainText({ ko: state.data.title, en: state.data.titleEn }, lang)
      : state.status === 'error'
        ? t('errorTitle')
        : state.status === 'notFound'
          ? t('notFoundTitle')
          : null;
  useDocumentTitle(title, t('titleSuffix'));

  switch (state.status) {
    case 'loading':
      return <Loading />;
    case 'notFound':
      return <NotFoundPage />;
    case 'error':
      return <ErrorView error={state.error} onRetry={retry} />;
    case 'ok':
      return <PlanView plan={state.data} />;
  }
}
