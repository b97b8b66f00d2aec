/**
 * 연도별 재원투자: the plan's budget table, source × (total, prior, within-term years, after),
 * in 억원 with one decimal, laid out like the plan document (two header rows under 임기 내).
 */
import { useId } from 'react';
import { FUNDING_SOURCE_LABELS, type Budget, type BudgetRow } from '../../modules/plan/types.ts';
import { formatEok, shortYear, withinTermKrw } from '../format.ts';
import { useI18n, type Lang } from '../i18n.ts';

interface Line {
  key: string;
  label: string;
  totalKrw: number;
  priorKrw: number;
  yearsKrw: Record<string, number | undefined>;
  afterKrw: number | null;
  isSum: boolean;
}

function sourceLabel(row: BudgetRow, lang: Lang): string {
  return lang === 'ko' ? row.sourceLabel || FUNDING_SOURCE_LABELS[row.source].ko : FUNDING_SOURCE_LABELS[row.source].en;
}

function sumLine(rows: BudgetRow[], years: number[], label: string): Line {
  const yearsKrw: Record<string, number> = {};
  for (const y of years) yearsKrw[String(y)] = rows.reduce((s, r) => s + (r.yearsKrw[String(y)] ?? 0), 0);
  const anyAfter = rows.some((r) => r.afterKrw !== null);
  return {
    key: 'sum',
    label,
    totalKrw: rows.reduce((s, r) => s + r.totalKrw, 0),
    priorKrw: rows.reduce((s, r) => s + r.priorKrw, 0),
    yearsKrw,
    afterKrw: anyAfter ? rows.reduce((s, r) => s + (r.afterKrw ?? 0), 0) : null,
    isSum: true,
  };
}

const cell = (won: number | null | undefined) => (won === null || won === undefined ? '-' : formatEok(won));

export function BudgetTable({ budget }: { budget: Budget }) {
  const { lang, t } = useI18n();
  const captionId = useId();
  const { years, rows } = budget;
  const hasAfter = rows.some((r) => r.afterKrw !== null);
  const lastYear = years.at(-1);
  const afterLabel = lastYear === undefined ? '~' : `${shortYear(lastYear + 1)}~`;

  const lines: Line[] = rows.map((r) => ({ ...r, key: r.source, label: sourceLabel(r, lang), isSum: false }));
  // The plan shows 합계 first; it only adds information when there is more than one source.
  if (rows.length > 1) lines.unshift(sumLine(rows, years, t('rowSum')));

  return (
    <>
      {/* The caption scrolls away with a wide table on a phone, so the unit is also shown
          outside it; screen readers get it once, from the caption. */}
      <p className="table-unit" aria-hidden="true">
        {t('tableUnit')}
      </p>
      {/* A focusable, labelled scroll region so keyboard users can scroll the table on a phone. */}
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table budget-table" data-testid="budget-table">
          <caption id={captionId} className="visually-hidden">
            {t('budgetCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('colSource')}
              </th>
              <th scope="col" rowSpan={2}>
                {t('colTotal')}
              </th>
              <th scope="col" rowSpan={2}>
                {t('colPrior')}
              </th>
              <th scope="colgroup" colSpan={years.length + 1}>
                {t('colWithinTerm')}
              </th>
              {hasAfter && (
                <th scope="col" rowSpan={2}>
                  {afterLabel}
                </th>
              )}
            </tr>
            <tr>
              <th scope="col">{t('colSubtotal')}</th>
              {years.map((y) => (
                <th scope="col" key={y}>
                  <abbr title={String(y)}>{shortYear(y)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.key} className={line.isSum ? 'sum-row' : undefined} data-source={line.key}>
                <th scope="row">{line.label}</th>
                <td>{cell(line.totalKrw)}</td>
                <td>{cell(line.priorKrw)}</td>
                <td className="subtotal">{cell(withinTermKrw(line.yearsKrw, years))}</td>
                {years.map((y) => (
                  <td key={y}>{cell(line.yearsKrw[String(y)])}</td>
                ))}
                {hasAfter && <td>{cell(line.afterKrw)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
