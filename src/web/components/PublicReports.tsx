/**
 * 분기별 추진상황 보고서: the plan's reported (frozen) quarters, newest first, each with its
 * 기준일 (the report date), its own figures and downloads as PDF, XLSX and HWPX. Drafts never
 * reach this list (the server lists reported quarters only).
 */
import { formatRate } from '../format.ts';
import { useLoad } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { keys } from '../queries.ts';
import { fetchPublicReports, type PublicReport } from '../transparency-api.ts';
import { AsOf } from './AsOf.tsx';
import { ErrorView, Loading } from './StatusViews.tsx';

const FORMATS = [
  ['pdf', 'downloadPdf'],
  ['xlsx', 'downloadXlsx'],
  ['hwpx', 'downloadHwpx'],
] as const;

function ReportItem({ report }: { report: PublicReport }) {
  const { t } = useI18n();
  const name = t('reportQuarter', { year: report.year, quarter: report.quarter });
  return (
    <li className="public-report" data-testid="public-report" data-year={report.year} data-quarter={report.quarter}>
      <h3>{name}</h3>
      <AsOf at={report.reportedAt} label="reportReportedAt" />
      <p className="entry-figures">{t('reportFigures', { progress: formatRate(report.figures.progressRate), completion: formatRate(report.figures.completionRate) })}</p>
      <ul className="download-links" aria-label={t('reportDownloads', { report: name })}>
        {FORMATS.map(([format, label]) => (
          <li key={format}>
            <a href={report.downloads[format]} download data-testid={`download-${format}`} aria-label={t('downloadLabel', { report: name, format: t(label) })}>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </li>
  );
}

export function PublicReports({ planId }: { planId: number }) {
  const { t } = useI18n();
  const { state, retry } = useLoad(keys.planReports(planId), (signal) => fetchPublicReports(planId, signal));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  if (state.status === 'notFound') return null;
  return (
    <>
      <p>{t('reportsIntro')}</p>
      {state.data.length === 0 ? (
        <p data-testid="reports-empty">{t('reportsEmpty')}</p>
      ) : (
        <ul className="public-reports">
          {state.data.map((r) => (
            <ReportItem key={`${r.year}-${r.quarter}`} report={r} />
          ))}
        </ul>
      )}
    </>
  );
}
