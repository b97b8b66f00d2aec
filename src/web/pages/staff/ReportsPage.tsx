/**
 * `/staff/plans/:id/reports?year=&quarter=`: the quarterly report. A reported quarter shows its
 * frozen snapshot (and when it was reported); another is computed live. Managers report
 * (freeze) a quarter; anyone may download the XLSX or print the page.
 */
import { useState } from 'react';
import { fetchPlan } from '../../api-client.ts';
import { Link } from '../../components/Link.tsx';
import { PlanTabs, StaffBreadcrumb } from '../../components/staff/PlanTabs.tsx';
import { ReportView } from '../../components/staff/ReportView.tsx';
import { ErrorView, Loading } from '../../components/StatusViews.tsx';
import { formatDateTime } from '../../format.ts';
import { useDocumentTitle, useMutation, useLoad } from '../../hooks.ts';
import { keys } from '../../queries.ts';
import { useI18n, withLang } from '../../i18n.ts';
import { useLocation, useNavigate } from 'react-router';
import { isManager, useUser } from '../../session.ts';
import { fetchReport, fetchReports, reportQuarter, reportXlsxUrl } from '../../staff-api.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { errorMessage, FormAlert, LabelledField, StatusMessage } from '../../forms/index.ts';

/** The current quarter in Seoul. */
function seoulQuarter(): { year: number; quarter: number } {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit' }).format(new Date()).split('-');
  return { year: Number(y), quarter: Math.floor((Number(m) - 1) / 3) + 1 };
}

/** The current quarter, clamped to the plan's years. */
function defaultQuarter(start: number, end: number): { year: number; quarter: number } {
  const { year, quarter } = seoulQuarter();
  if (year < start) return { year: start, quarter: 1 };
  if (year > end) return { year: end, quarter: 4 };
  return { year, quarter };
}

async function loadPlan(id: number, signal: AbortSignal) {
  const [plan, reports] = await Promise.all([fetchPlan(id, signal), fetchReports(id, signal).then((r) => r.items)]);
  return { plan, reports };
}

export function ReportsPage({ id }: { id: number }) {
  const { lang, t } = useI18n();
  const user = useUser();
  const location = useLocation();
  const navigate = useNavigate();
  const { state, retry, refresh } = useLoad(keys.staffReports(id), (signal) => loadPlan(id, signal));
  useDocumentTitle(state.status === 'ok' ? `${state.data.plan.title} · ${t('linkReports')}` : null, t('staffTitleSuffix'));

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <NotFoundPage />;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const { plan, reports } = state.data;
  const params = new URLSearchParams(location.search);
  const fallback = defaultQuarter(plan.period.start, plan.period.end);
  const year = Number(params.get('year')) || fallback.year;
  const quarter = Math.min(4, Math.max(1, Number(params.get('quarter')) || fallback.quarter));
  const years: number[] = [];
  for (let y = plan.period.start; y <= plan.period.end; y++) years.push(y);
  if (!years.includes(year)) years.push(year);

  const choose = (next: { year: number; quarter: number }) => navigate(withLang(`/staff/plans/${id}/reports?year=${next.year}&quarter=${next.quarter}`, lang), { replace: true });

  return (
    <article className="reports-page" data-testid="reports-page">
      <div className="no-print">
        <StaffBreadcrumb title={plan.title} />
      </div>
      <p className="plan-pledge">{plan.pledge}</p>
      <h1>{t('reportTitle', { title: plan.title, year, quarter })}</h1>
      <div className="no-print">
        <PlanTabs planId={plan.id} current="reports" />
        <form className="staff-form report-picker" onSubmit={(e) => e.preventDefault()} aria-label={t('reportPickerLabel')}>
          <div className="form-row">
            <LabelledField label={t('colYear')}>
              {(props) => (
                <select {...props} value={year} onChange={(e) => choose({ year: Number(e.target.value), quarter })} data-testid="report-year">
                  {years.map((y) => (
                    <option key={y} value={y}>
                      {t('yearHeading', { year: y })}
                    </option>
                  ))}
                </select>
              )}
            </LabelledField>
            <LabelledField label={t('quarter')}>
              {(props) => (
                <select {...props} value={quarter} onChange={(e) => choose({ year, quarter: Number(e.target.value) })} data-testid="report-quarter">
                  {[1, 2, 3, 4].map((q) => (
                    <option key={q} value={q}>
                      {t('quarterLabel', { quarter: q })}
                    </option>
                  ))}
                </select>
              )}
            </LabelledField>
          </div>
        </form>
        {reports.length > 0 && (
          <p className="reported-list">
            {t('reportedQuarters')}{' '}
            {reports.map((r) => (
              <Link key={`${r.year}-${r.quarter}`} href={`/staff/plans/${id}/reports?year=${r.year}&quarter=${r.quarter}`} className="badge">
                {t('yearQuarter', { year: r.year, quarter: r.quarter })}
              </Link>
            ))}
          </p>
        )}
      </div>
      <QuarterReport key={`${year}-${quarter}`} planId={id} year={year} quarter={quarter} canReport={isManager(user)} onReported={() => void refresh()} />
    </article>
  );
}

function QuarterReport({ planId, year, quarter, canReport, onReported }: { planId: number; year: number; quarter: number; canReport: boolean; onReported: () => void }) {
  const { lang, t } = useI18n();
  const { state, retry } = useLoad(keys.staffReport(planId, year, quarter), (signal) => fetchReport(planId, year, quarter, signal));
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation();

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'notFound') return <p data-testid="report-not-found">{t('reportNotFound')}</p>;
  if (state.status === 'error') return <ErrorView error={state.error} onRetry={retry} />;
  const answer = state.data;

  const report = async () => {
    setConfirming(false);
    const ok = await mutation.run(() => reportQuarter(planId, year, quarter).then(() => true), t('reportDone'));
    if (ok) {
      onReported();
      retry();
    }
  };
  const now = seoulQuarter();
  const begun = year < now.year || (year === now.year && quarter <= now.quarter);
  const alert = errorMessage(mutation.error, lang, t);

  return (
    <>
      <p className={`report-state ${answer.reported ? 'report-frozen' : 'report-live'}`} data-testid="report-state" data-reported={answer.reported}>
        {answer.reported
          ? t('reportFrozen', { at: formatDateTime(answer.reportedAt, lang), by: answer.reportedBy?.name ?? answer.reportedBy?.email ?? '–' })
          : t('reportLive', { at: formatDateTime(answer.report.generatedAt, lang) })}
      </p>
      <div className="page-actions no-print">
        <a className="button-secondary" href={reportXlsxUrl(planId, year, quarter)} download data-testid="xlsx-link">
          {t('downloadXlsx')}
        </a>
        <button type="button" className="button-secondary" onClick={() => window.print()}>
          {t('print')}
        </button>
        {canReport && !answer.reported && !confirming && (
          <button
            type="button"
            className="button-primary"
            onClick={() => setConfirming(true)}
            disabled={mutation.busy || !begun}
            aria-describedby={begun ? undefined : 'report-not-begun'}
            data-testid="report-this-quarter"
          >
            {t('reportThisQuarter')}
          </button>
        )}
      </div>
      {canReport && !answer.reported && !begun && (
        <p className="field-hint no-print" id="report-not-begun">
          {t('reportNotBegun')}
        </p>
      )}
      {confirming && (
        <div className="confirm-box no-print" role="group" aria-label={t('reportThisQuarter')}>
          <p>{t('reportConfirmText', { year, quarter })}</p>
          <p className="page-actions">
            <button type="button" className="button-primary" onClick={report} data-testid="report-confirm">
              {t('reportConfirm')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </p>
        </div>
      )}
      <div className="no-print">
        <FormAlert message={alert} focus />
        <StatusMessage message={mutation.done} />
      </div>
      <ReportView report={answer.report} />
    </>
  );
}
