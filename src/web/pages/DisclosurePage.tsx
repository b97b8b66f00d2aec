/**
 * `/plans/:id/disclosure` — 공약 이행 현황 공개, laid out the way Korean pledge (manifesto)
 * evaluations read it: actions counted by status, the budget planned, secured and executed by
 * funding source and year, and numeric targets against what is achieved; each with its 기준일.
 */
import { useId, type ReactNode } from 'react';
import { ACTION_STATUS_LABELS, FUNDING_SOURCE_LABELS } from '../../modules/plan/types.ts';
import { AsOf } from '../components/AsOf.tsx';
import { Link } from '../components/Link.tsx';
import { ErrorView, Loading } from '../components/StatusViews.tsx';
import { formatEok, formatRate, periodLabel } from '../format.ts';
import { useDocumentTitle, useLoad } from '../hooks.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { keys } from '../queries.ts';
import { fetchDisclosure, type Disclosure } from '../transparency-api.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

function Table({ caption, testId, children }: { caption: string; testId: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="data-table" data-testid={testId}>
        <caption id={id} className="visually-hidden">
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

function Section({ id, label, children }: { id: string; label: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section id={id} className="plan-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t(label)}</h2>
      {children}
    </section>
  );
}

type Amounts = Disclosure['budget']['total'];

function AmountCells({ a }: { a: Amounts }) {
  return (
    <>
      <td>{formatEok(a.plannedKrw)}</td>
      <td>{formatEok(a.securedKrw)}</td>
      <td>{formatEok(a.executedKrw)}</td>
      <td>{formatRate(a.executionRate)}</td>
    </>
  );
}

function StatusCounts({ d }: { d: Disclosure }) {
  const { lang, t } = useI18n();
  const total = d.statusCounts.reduce((a, s) => a + s.count, 0);
  return (
    <Table caption={t('statusCountsCaption')} testId="status-counts">
      <thead>
        <tr>
          <th scope="col">{t('colStatus')}</th>
          <th scope="col">{t('colActionCount')}</th>
          <th scope="col">{t('colShare')}</th>
        </tr>
      </thead>
      <tbody>
        {d.statusCounts.map((s) => (
          <tr key={s.status} data-status={s.status}>
            <th scope="row">{ACTION_STATUS_LABELS[s.status][lang]}</th>
            <td>{s.count}</td>
            <td>{formatRate(total === 0 ? null : Math.round((s.count * 1000) / total) / 10)}</td>
          </tr>
        ))}
        <tr className="sum-row">
          <th scope="row">{t('statusTotal')}</th>
          <td>{total}</td>
          <td>{formatRate(total === 0 ? null : 100)}</td>
        </tr>
      </tbody>
    </Table>
  );
}

function BudgetBySource({ d }: { d: Disclosure }) {
  const { lang, t } = useI18n();
  const source = (s: Disclosure['budget']['sources'][number]) => (lang === 'ko' ? s.sourceLabel : `${FUNDING_SOURCE_LABELS[s.source].en} (${s.sourceLabel})`);
  return (
    <>
      <p className="table-unit" aria-hidden="true">
        {t('tableUnit')}
      </p>
      <Table caption={t('budgetBySourceCaption')} testId="budget-by-source">
        <thead>
          <tr>
            <th scope="col">{t('colSource')}</th>
            <th scope="col">{t('colYear')}</th>
            <th scope="col">{t('colPlanned')}</th>
            <th scope="col">{t('colSecured')}</th>
            <th scope="col">{t('colExecuted')}</th>
            <th scope="col">{t('colExecutionRate')}</th>
          </tr>
        </thead>
        {d.budget.sources.map((s) => (
          <tbody key={s.sourceLabel}>
            {s.years.map((y, i) => (
              <tr key={`${s.sourceLabel}-${y.year}`} data-source={s.source} data-year={y.year}>
                {i === 0 && (
                  <th scope="rowgroup" rowSpan={s.years.length + 1}>
                    {source(s)}
                  </th>
                )}
                <th scope="row">{t('yearHeading', { year: y.year })}</th>
                <AmountCells a={y} />
              </tr>
            ))}
            <tr className="sum-row" data-source={s.source}>
              <th scope="row">{t('colSubtotal')}</th>
              <AmountCells a={s.total} />
            </tr>
          </tbody>
        ))}
        <tbody>
          {d.budget.byYear.map((y, i) => (
            <tr key={`all-${y.year}`} data-year={y.year}>
              {i === 0 && (
                <th scope="rowgroup" rowSpan={d.budget.byYear.length + 1}>
                  {t('rowSum')}
                </th>
              )}
              <th scope="row">{t('yearHeading', { year: y.year })}</th>
              <AmountCells a={y} />
            </tr>
          ))}
          <tr className="sum-row" data-testid="budget-total">
            <th scope="row">{t('grandTotal')}</th>
            <AmountCells a={d.budget.total} />
          </tr>
        </tbody>
      </Table>
    </>
  );
}

function Targets({ d }: { d: Disclosure }) {
  const { lang, t } = useI18n();
  if (d.targets.length === 0) return <p>{t('targetsEmpty')}</p>;
  return (
    <>
      <Table caption={t('targetsCaption')} testId="targets">
        <thead>
          <tr>
            <th scope="col">{t('colAction')}</th>
            <th scope="col">{t('colPeriod')}</th>
            <th scope="col">{t('colTarget')}</th>
            <th scope="col">{t('colAchieved')}</th>
          </tr>
        </thead>
        <tbody>
          {d.targets.map((x) => (
            <tr key={x.actionId} data-action-id={x.actionId}>
              <th scope="row">
                <Link href={`/plans/${d.plan.id}/actions/${x.actionId}`}>{x.text}</Link>
              </th>
              <td>{t('actionEntry', { year: x.year, period: periodLabel(x.period, lang) })}</td>
              <td>
                {x.target.count}
                {lang === 'en' ? ' ' : ''}
                {x.target.unit}
              </td>
              <td>
                {x.achieved}
                {lang === 'en' ? ' ' : ''}
                {x.target.unit} ({t(x.achievedSource === 'measure' ? 'achievedByMeasure' : 'achievedByProgress')})
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="figure-help">{t('targetsNote')}</p>
    </>
  );
}

function DisclosureView({ d }: { d: Disclosure }) {
  const { t } = useI18n();
  return (
    <article className="plan disclosure-page" data-testid="disclosure">
      <nav className="breadcrumb" aria-label={t('breadcrumbLabel')}>
        <ol>
          <li>
            <Link href="/">{t('home')}</Link>
          </li>
          <li>
            <Link href={`/plans/${d.plan.id}`}>{d.plan.title}</Link>
          </li>
          <li aria-current="page">{t('disclosureTitle')}</li>
        </ol>
      </nav>
      <header className="plan-header">
        <p className="plan-pledge">{d.plan.pledge}</p>
        <h1>{t('disclosureTitle')}</h1>
        <p className="plan-meta">
          {d.plan.title} · {t('categoryNumber', { category: d.plan.category, number: d.plan.number })}
        </p>
        <p>{t('disclosureIntro')}</p>
      </header>

      <Section id="status" label="statusCountsHeading">
        <AsOf at={d.asOf.progress} label="asOfProgress" testId="disclosure-as-of-progress" />
        <p className="entry-figures" data-testid="disclosure-figures">
          {t('progressRate')} {formatRate(d.figures.progressRate)} · {t('completionRate')} {formatRate(d.figures.completionRate)}
        </p>
        <StatusCounts d={d} />
      </Section>

      <Section id="budget" label="budgetBySourceHeading">
        <AsOf at={d.asOf.budget} label="asOfBudget" testId="disclosure-as-of-budget" />
        <BudgetBySource d={d} />
      </Section>

      <Section id="targets" label="targetsHeading">
        <AsOf at={d.asOf.progress} label="asOfProgress" />
        <Targets d={d} />
      </Section>
    </article>
  );
}

export function DisclosurePage({ id }: { id: number }) {
  const { t } = useI18n();
  const { state, retry } = useLoad(keys.planDisclosure(id), (signal) => fetchDisclosure(id, signal));
  useDocumentTitle(
    state.status === 'ok' ? t('disclosureTitle') : state.status === 'error' ? t('errorTitle') : state.status === 'notFound' ? t('notFoundTitle') : null,
    t('titleSuffix'),
  );
  switch (state.status) {
    case 'loading':
      return <Loading />;
    case 'notFound':
      return <NotFoundPage />;
    case 'error':
      return <ErrorView error={state.error} onRetry={retry} />;
    case 'ok':
      return <DisclosureView d={state.data} />;
  }
}
