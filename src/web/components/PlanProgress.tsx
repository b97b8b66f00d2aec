/**
 * 추진 현황: the plan's 이행률 (mean progress of counted actions) and 완료율 (share done), overall
 * and per year, and the budget executed against the plan (공약가계부). All figures come
 * computed from the public API; nothing here is typed by hand.
 */
import { useId } from 'react';
import type { Figures, LedgerFigures, Plan } from '../api-client.ts';
import { formatEok, formatRate } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { AsOf } from './AsOf.tsx';
import { ProgressBar } from './ProgressBar.tsx';

function FigureCard({ label, value, note, testId }: { label: string; value: number | null; note: string; testId: string }) {
  return (
    <div className="figure-card">
      <dt>{label}</dt>
      <dd>
        <span className="figure-value" data-testid={testId}>
          {formatRate(value)}
        </span>
        <ProgressBar value={value} label={label} />
        <span className="figure-note">{note}</span>
      </dd>
    </div>
  );
}

function BudgetCard({ ledger }: { ledger: LedgerFigures }) {
  const { t } = useI18n();
  const label = t('budgetExecuted');
  return (
    <div className="figure-card">
      <dt>{label}</dt>
      <dd>
        <span className="figure-budget" data-testid="budget-executed">
          <span className="figure-value">{t('eokValue', { amount: formatEok(ledger.executedKrw) })}</span>{' '}
          <span className="figure-of">{t('ofPlanned', { amount: formatEok(ledger.plannedKrw) })}</span>
        </span>
        <ProgressBar value={ledger.executionRate} label={t('executionRate')} />
        <span className="figure-note">{t('executionRateNote', { rate: formatRate(ledger.executionRate) })}</span>
      </dd>
    </div>
  );
}

interface YearRow {
  year: number;
  figures?: Figures;
  ledger?: LedgerFigures;
}

function YearTable({ rows }: { rows: YearRow[] }) {
  const { t } = useI18n();
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table" data-testid="progress-by-year">
        <caption id={captionId} className="visually-hidden">
          {t('progressByYearCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('colYear')}</th>
            <th scope="col">{t('progressRate')}</th>
            <th scope="col">{t('completionRate')}</th>
            <th scope="col">{t('colDoneOfCounted')}</th>
            <th scope="col">{t('colPlanned')}</th>
            <th scope="col">{t('colExecuted')}</th>
            <th scope="col">{t('executionRate')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.year} data-year={row.year}>
              <th scope="row">{t('yearHeading', { year: row.year })}</th>
              <td>{formatRate(row.figures?.progressRate)}</td>
              <td>{formatRate(row.figures?.completionRate)}</td>
              <td>{row.figures ? t('doneOfCounted', { done: row.figures.done, counted: row.figures.counted }) : '–'}</td>
              <td>{row.ledger ? formatEok(row.ledger.plannedKrw) : '–'}</td>
              <td>{row.ledger ? formatEok(row.ledger.executedKrw) : '–'}</td>
              <td>{formatRate(row.ledger?.executionRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 이행률, 완료율 and the budget executed as three cards (the plan page and the home page). */
export function FigureCards({ overall, ledger }: { overall: Figures; ledger?: LedgerFigures }) {
  const { t } = useI18n();
  return (
    <dl className="figure-cards">
      <FigureCard label={t('progressRate')} value={overall.progressRate} note={t('progressRateNote', { counted: overall.counted })} testId="progress-rate" />
      <FigureCard
        label={t('completionRate')}
        value={overall.completionRate}
        note={t('completionRateNote', { done: overall.done, counted: overall.counted })}
        testId="completion-rate"
      />
      {ledger && <BudgetCard ledger={ledger} />}
    </dl>
  );
}

export function PlanProgress({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const { figures, ledger } = plan;
  const years = new Map<number, YearRow>();
  for (const f of figures.byYear) years.set(f.year, { year: f.year, figures: f });
  for (const l of ledger.byYear) years.set(l.year, { ...(years.get(l.year) ?? { year: l.year }), ledger: l });
  const rows = [...years.values()].sort((a, b) => a.year - b.year);
  return (
    <>
      <FigureCards overall={figures.overall} ledger={ledger} />
      <div className="as-of-list">
        <AsOf at={plan.asOf.progress} label="asOfProgress" testId="as-of-progress" />
        <AsOf at={plan.asOf.budget} label="asOfBudget" testId="as-of-budget" />
      </div>
      <p className="figure-help">{t('figuresHelp')}</p>
      {rows.length > 0 && (
        <>
          <h3>{t('progressByYear')}</h3>
          <p className="table-unit" aria-hidden="true">
            {t('tableUnit')}
          </p>
          <YearTable rows={rows} />
        </>
      )}
    </>
  );
}
