/** 공약가계부: funding source × year, planned / secured / executed in 억원 and the execution rate. */
import { useId } from 'react';
import { FUNDING_SOURCE_LABELS, type FundingSource } from '../../../modules/plan/types.ts';
import { formatEok, formatRate } from '../../format.ts';
import { useI18n, type Lang } from '../../i18n.ts';
import type { Ledger, LedgerRow } from '../../staff-api.ts';

export function sourceName(row: Pick<LedgerRow, 'source' | 'sourceLabel'>, lang: Lang): string {
  const known = FUNDING_SOURCE_LABELS[row.source as FundingSource];
  if (lang === 'en' && known) return known.en;
  return row.sourceLabel || known?.ko || row.source;
}

export function LedgerTable({ ledger }: { ledger: Ledger }) {
  const { lang, t } = useI18n();
  const captionId = useId();
  const { totals } = ledger;
  return (
    <>
      <p className="table-unit" aria-hidden="true">
        {t('tableUnit')}
      </p>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table" data-testid="ledger-table">
          <caption id={captionId} className="visually-hidden">
            {t('ledgerCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('colSource')}</th>
              <th scope="col">{t('colYear')}</th>
              <th scope="col">{t('colPlanned')}</th>
              <th scope="col">{t('colSecured')}</th>
              <th scope="col">{t('colExecuted')}</th>
              <th scope="col">{t('executionRate')}</th>
            </tr>
          </thead>
          <tbody>
            {ledger.rows.map((row) => (
              <tr key={`${row.sourceLabel}-${row.year}`} data-source={row.sourceLabel} data-year={row.year} data-testid="ledger-row">
                <th scope="row">{sourceName(row, lang)}</th>
                <td>{row.year}</td>
                <td>{formatEok(row.plannedKrw)}</td>
                <td data-testid="ledger-secured">{formatEok(row.securedKrw)}</td>
                <td data-testid="ledger-executed">{formatEok(row.executedKrw)}</td>
                <td>{formatRate(row.executionRate)}</td>
              </tr>
            ))}
            <tr className="sum-row" data-testid="ledger-total">
              <th scope="row" colSpan={2}>
                {t('rowSum')}
              </th>
              <td>{formatEok(totals.plannedKrw)}</td>
              <td>{formatEok(totals.securedKrw)}</td>
              <td>{formatEok(totals.executedKrw)}</td>
              <td>{formatRate(totals.executionRate)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </>
  );
}
