/**
 * Presenters of the public transparency answers: a reported quarter cut down to what the public
 * may read (published evidence only; no department, no reporter), the list of reported quarters,
 * and the pledge disclosure (공약 이행 현황 공개).
 */
import type { PublicPlan } from './api-schema.ts';
import { ledgerOf } from './figures.ts';
import type { PlanData } from './plan-read.ts';
import { asOfView } from './presenters.ts';
import type { Report, ReportResponse } from './report-api-schema.ts';
import type { Disclosure } from './transparency-api-schema.ts';
import type { ActionStatus } from './types.ts';

/** A frozen snapshot as the public reads it: evidence that was published when it was reported, and nothing internal. */
function publicReport(r: Report): Report {
  return {
    ...r,
    entries: r.entries.map((e) => ({
      ...e,
      actions: e.actions.map((a) => ({ ...a, ownerDepartment: null, evidence: a.evidence.filter((x) => x.published) })),
    })),
  };
}

export const publicReportView = (reportedAt: Date, snapshot: Report): ReportResponse => ({
  reported: true,
  reportedAt: reportedAt.toISOString(),
  reportedBy: null,
  report: publicReport(snapshot),
});

const reportDownloadBase = (planId: number, year: number, quarter: number) => `/api/plans/${planId}/public-reports/${year}/${quarter}`;

export const publicReportSummary = (planId: number, year: number, quarter: number, reportedAt: Date, snapshot: Report) => {
  const base = reportDownloadBase(planId, year, quarter);
  return {
    year,
    quarter,
    reportedAt: reportedAt.toISOString(),
    figures: snapshot.figures.quarter,
    downloads: { pdf: `${base}.pdf`, xlsx: `${base}.xlsx`, hwpx: `${base}.hwpx` },
  };
};

/** The order Korean pledge evaluations list statuses in: finished first, not yet begun last. */
const DISCLOSURE_ORDER: readonly ActionStatus[] = ['done', 'done_continuing', 'on_track', 'partly', 'on_hold', 'dropped', 'planned'];

export function disclosureView(d: PlanData, plan: PublicPlan): Disclosure {
  const actions = plan.schedule.flatMap((e) => e.actions.map((a) => ({ entry: e, action: a })));
  const statusCounts = DISCLOSURE_ORDER.map((status) => ({ status, count: actions.filter((x) => x.action.status === status).length }));

  const yearLines = d.lines.filter((l) => l.kind === 'year');
  const ledger = ledgerOf(
    yearLines.map((l) => ({ sourceLabel: l.sourceLabel, year: l.year!, plannedKrw: l.plannedKrw, securedKrw: l.securedKrw })),
    d.executions,
  );
  const labels = [...new Set(yearLines.map((l) => l.sourceLabel))];
  const sources = labels.map((label) => {
    const own = yearLines.filter((l) => l.sourceLabel === label);
    const sub = ledgerOf(
      own.map((l) => ({ sourceLabel: l.sourceLabel, year: l.year!, plannedKrw: l.plannedKrw, securedKrw: l.securedKrw })),
      d.executions.filter((x) => x.sourceLabel === label),
    );
    return { source: own[0]!.source, sourceLabel: label, years: sub.byYear, total: sub.totals };
  });

  const targets = actions.flatMap(({ entry, action }) => {
    if (!action.target) return [];
    const p = d.progress.get(action.id)!;
    const measured = p.progressSource === 'measure' && p.measured !== null;
    return [
      {
        actionId: action.id,
        text: action.text,
        year: entry.year,
        period: entry.period,
        target: action.target,
        achieved: measured ? p.measured! : Math.floor((action.target.count * action.progress) / 100),
        achievedSource: measured ? ('measure' as const) : ('progress' as const),
        status: action.status,
      },
    ];
  });

  return {
    plan: { id: plan.id, title: plan.title, pledge: plan.pledge, category: plan.category, number: plan.number, period: plan.period },
    asOf: asOfView(d),
    figures: plan.figures.overall,
    statusCounts,
    budget: { years: ledger.byYear.map((y) => y.year), sources, byYear: ledger.byYear, total: ledger.totals },
    targets,
  };
}
