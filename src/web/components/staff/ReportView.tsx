/**
 * A quarterly report (공약 관리카드, one quarter): figures, the entries due in the quarter with
 * their actions' status, progress and evidence, and the budget executed. Laid out to print.
 */
import { useId } from 'react';
import { formatEok, formatRate, formatWon, periodLabel } from '../../format.ts';
import { useI18n } from '../../i18n.ts';
import type { Figures } from '../../api-client.ts';
import type { Report, ReportAction } from '../../staff-api.ts';
import { StatusBadge } from '../StatusBadge.tsx';

/** The department as the report froze it (the snapshot keeps the Korean name only). */
function ownerName(owner: ReportAction['ownerDepartment']): string {
  return owner ? owner.name : '–';
}

function FiguresTable({ figures }: { figures: Report['figures'] }) {
  const { t } = useI18n();
  const captionId = useId();
  const rows: [string, Figures][] = [
    [t('figuresQuarter'), figures.quarter],
    [t('figuresCumulative'), figures.cumulative],
    [t('figuresOverall'), figures.overall],
  ];
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table" data-testid="report-figures">
        <caption id={captionId} className="visually-hidden">
          {t('reportFiguresCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('colScope')}</th>
            <th scope="col">{t('progressRate')}</th>
            <th scope="col">{t('completionRate')}</th>
            <th scope="col">{t('colDoneOfCounted')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, f]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{formatRate(f.progressRate)}</td>
              <td>{formatRate(f.completionRate)}</td>
              <td>{t('doneOfCounted', { done: f.done, counted: f.counted })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ActionsTable({ actions, caption }: { actions: ReportAction[]; caption: string }) {
  const { t } = useI18n();
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table table-left report-actions">
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('actions')}</th>
            <th scope="col">{t('ownerDepartment')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('progressPercent')}</th>
            <th scope="col">{t('evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id} data-testid="report-action">
              <th scope="row" className="wrap">
                {a.text}
                {a.target && <> ({t('actionTarget', { count: a.target.count, unit: a.target.unit })})</>}
              </th>
              <td>{ownerName(a.ownerDepartment)}</td>
              <td>
                <StatusBadge status={a.status} />
              </td>
              <td>{a.progress}%</td>
              <td className="wrap">
                {a.evidence.length === 0
                  ? '–'
                  : a.evidence.map((e, i) => (
                      <span key={i} className="report-evidence">
                        {e.title} ({t(e.kind === 'file' ? 'evidenceFile' : 'evidenceLink')}, {t(e.published ? 'published' : 'unpublished')})
                      </span>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Budget({ budget }: { budget: Report['budget'] }) {
  const { t } = useI18n();
  const executions = budget.executions;
  return (
    <>
      <dl className="summary-list" data-testid="report-budget">
        <div>
          <dt>{t('budgetExecutedToDate')}</dt>
          <dd>{t('eokValue', { amount: formatEok(budget.executedKrw) })}</dd>
        </div>
        <div>
          <dt>{t('colPlanned')}</dt>
          <dd>{t('eokValue', { amount: formatEok(budget.plannedKrw) })}</dd>
        </div>
        <div>
          <dt>{t('executionRate')}</dt>
          <dd>{formatRate(budget.executionRate)}</dd>
        </div>
        <div>
          <dt>{t('budgetExecutedInQuarter')}</dt>
          <dd>{t('eokValue', { amount: formatEok(budget.quarterExecutedKrw) })}</dd>
        </div>
      </dl>
      <h3>{t('executionsInQuarter')}</h3>
      {executions.length === 0 ? (
        <p>{t('executionsEmpty')}</p>
      ) : (
        <ul className="report-executions">
          {executions.map((e) => (
            <li key={e.id}>
              {e.executedOn} · {e.sourceLabel} · {t('eokValue', { amount: formatEok(e.amountKrw) })} ({formatWon(e.amountKrw)}원) · {e.description}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ReportView({ report }: { report: Report }) {
  const { lang, t } = useI18n();
  return (
    <div className="report" data-testid="report">
      <section className="report-section" aria-labelledby="report-figures-heading">
        <h2 id="report-figures-heading">{t('reportFigures')}</h2>
        <FiguresTable figures={report.figures} />
      </section>
      <section className="report-section" aria-labelledby="report-entries-heading">
        <h2 id="report-entries-heading">{t('reportEntries')}</h2>
        {report.entries.length === 0 && <p>{t('reportNoEntries')}</p>}
        {report.entries.map((entry, i) => {
          const title = t('yearPeriod', { year: entry.year, period: periodLabel(entry.period, lang) });
          return (
            <div key={`${entry.year}-${entry.period}-${i}`} className="report-entry">
              <h3>{title}</h3>
              {entry.goals.length > 0 && (
                <p>
                  <span className="list-label">{t('goals')}:</span> {entry.goals.join(' · ')}
                </p>
              )}
              <ActionsTable actions={entry.actions} caption={t('reportActionsCaption', { title })} />
            </div>
          );
        })}
      </section>
      <section className="report-section" aria-labelledby="report-budget-heading">
        <h2 id="report-budget-heading">{t('reportBudget')}</h2>
        <Budget budget={report.budget} />
      </section>
    </div>
  );
}
