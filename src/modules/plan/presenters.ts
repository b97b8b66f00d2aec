/**
 * The plan module's presenters: every function that turns rows into an API answer. Two views of
 * a plan over the same data (plan-read.ts loads it): the public one (published evidence only; no
 * owners, measures, comments or file details) and the staff one; plus evidence, budget
 * executions, quarterly reports and action history.
 */
import type { AsOf, Evidence, Explanation, PublicPlan, StaffAction, StaffPlan, StoredPhaseItem, StoredPlanBase } from './api-schema.ts';
import { entryQuarter, executionRate, figuresFromTotals, figuresOf, ledgerOf, reportFigures, rollUp, shownWon, sumWon, type EntryFigureInput } from './figures.ts';
import type { PlanFiguresRow, PlanTotalsRow } from './figures-query.ts';
import type { Execution, Ledger } from './ledger-api-schema.ts';
import type { ResolvedProgress } from './measures.ts';
import type { EvidenceRow, ExplanationRow, PlanData } from './plan-read.ts';
import type { Report, ReportResponse } from './report-api-schema.ts';
import { quarterDates } from './seoul-time.ts';
import type { actions, goals, phaseItems, phases, planContents, scheduleEntries } from './schema.ts';
import type { ActionRow, BudgetLineRow, PlanRow, PlanSummary } from './service.ts';
import type { ActionRow as ActionListRow } from './tracking-api-schema.ts';
import type { actionUpdates, budgetExecutions, quarterReports } from './tracking-schema.ts';
import type { BudgetRow, Period } from './types.ts';

export const planSummaryView = (p: PlanRow): PlanSummary => ({
  id: p.id,
  category: p.category,
  number: p.number,
  pledge: p.pledge,
  title: p.title,
  pledgeEn: p.pledgeEn,
  titleEn: p.titleEn,
  period: { start: p.periodStart, end: p.periodEnd },
  totalBudgetKrw: shownWon(p.totalBudgetKrw),
});

/** Folds budget lines (source × prior | year | after) back into one row per source (amounts as shownWon shows them). */
function budgetRows(lines: BudgetLineRow[]): BudgetRow[] {
  const bySource = new Map<string, { row: BudgetRow; total: bigint }>();
  for (const l of lines) {
    let at = bySource.get(l.sourceLabel);
    if (!at) {
      at = { row: { source: l.source, sourceLabel: l.sourceLabel, priorKrw: 0, yearsKrw: {}, afterKrw: null, totalKrw: 0 }, total: 0n };
      bySource.set(l.sourceLabel, at);
    }
    const won = shownWon(l.plannedKrw);
    if (l.kind === 'prior') at.row.priorKrw = won;
    else if (l.kind === 'after') at.row.afterKrw = won;
    else at.row.yearsKrw[String(l.year)] = won;
    at.total += sumWon([l.plannedKrw]);
  }
  return [...bySource.values()].map(({ row, total }) => ({ ...row, totalKrw: shownWon(total) }));
}

/** The rows of one plan, each list in its stored order. */
export interface PlanRows {
  contents: (typeof planContents.$inferSelect)[];
  lines: BudgetLineRow[];
  phaseRows: (typeof phases.$inferSelect)[];
  itemRows: (typeof phaseItems.$inferSelect)[];
  entryRows: (typeof scheduleEntries.$inferSelect)[];
  goalRows: (typeof goals.$inferSelect)[];
  actionRows: (typeof actions.$inferSelect)[];
}

/** The stored plan in the normalized shape with ids. */
export function storedPlanView(p: PlanRow, { contents, lines, phaseRows, itemRows, entryRows, goalRows, actionRows }: PlanRows): StoredPlanBase {
  const childrenOf = (phaseId: number, parentId: number | null): StoredPhaseItem[] =>
    itemRows.filter((r) => r.phaseId === phaseId && r.parentId === parentId).map((r) => ({ id: r.id, text: r.text, textEn: r.textEn, children: childrenOf(r.phaseId, r.id) }));

  return {
    id: p.id,
    category: p.category,
    number: p.number,
    pledge: p.pledge,
    title: p.title,
    pledgeEn: p.pledgeEn,
    titleEn: p.titleEn,
    period: { start: p.periodStart, end: p.periodEnd },
    totalBudgetKrw: shownWon(p.totalBudgetKrw),
    contents: contents.map((c) => ({ id: c.id, area: c.area, text: c.text })),
    budget: { unit: p.budgetUnit, years: p.budgetYears, rows: budgetRows(lines) },
    phases: phaseRows.map((r) => ({ id: r.id, name: r.name, nameEn: r.nameEn, start: r.startMonth, end: r.endMonth, items: childrenOf(r.id, null), notes: r.notes })),
    effects: p.effects,
    effectsEn: p.effects.map((_, i) => p.effectsEn[i] || null),
    schedule: entryRows.map((e) => ({
      id: e.id,
      year: e.year,
      period: e.period,
      goals: goalRows.filter((g) => g.entryId === e.id).map((g) => g.text),
      goalsEn: goalRows.filter((g) => g.entryId === e.id).map((g) => g.textEn),
      actions: actionRows
        .filter((a) => a.entryId === e.id)
        .map((a) => ({
          id: a.id,
          text: a.text,
          textEn: a.textEn,
          target: a.targetCount === null || a.targetUnit === null ? null : { count: a.targetCount, unit: a.targetUnit },
        })),
    })),
    warnings: p.importWarnings,
  };
}

const evidenceUrl = (e: Pick<EvidenceRow, 'id' | 'kind' | 'url'>) => (e.kind === 'file' ? `/api/evidence/${e.id}/file` : e.url!);

const publicEvidenceView = (e: EvidenceRow) => ({ id: e.id, kind: e.kind, title: e.title, url: evidenceUrl(e) });

export const evidenceView = (e: EvidenceRow): Evidence => ({
  ...publicEvidenceView(e),
  actionId: e.actionId,
  published: e.published,
  fileName: e.fileName,
  mimeType: e.mimeType,
  sizeBytes: e.sizeBytes,
  createdAt: e.createdAt.toISOString(),
});

export const explanationView = (x: ExplanationRow): Explanation => ({ ko: x.ko, en: x.en, updatedAt: x.updatedAt.toISOString() });

export function staffActionView(a: ActionRow, evidenceRows: EvidenceRow[], p: ResolvedProgress, explanations: ExplanationRow[]): StaffAction {
  const explanation = explanations.find((x) => x.actionId === a.id);
  return {
    id: a.id,
    text: a.text,
    textEn: a.textEn,
    target: a.targetCount === null || a.targetUnit === null ? null : { count: a.targetCount, unit: a.targetUnit },
    status: a.status,
    progress: p.progress,
    evidence: evidenceRows.filter((e) => e.actionId === a.id).map(evidenceView),
    ownerDepartmentId: a.ownerDepartmentId,
    measureKey: a.measureKey,
    measured: p.measured,
    progressSource: p.progressSource,
    updatedAt: a.updatedAt.toISOString(),
    explanation: explanation ? explanationView(explanation) : null,
  };
}

const latest = (dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));

/**
 * 기준일 of the plan's figures, from the data: progress as of the latest action change (or the
 * time of reading when a measure computes some progress live); budget as of the latest ledger
 * change, else the import that brought the planned amounts.
 */
export function asOfView(d: Pick<PlanData, 'row' | 'actions' | 'readAt'>): AsOf {
  const measured = d.actions.some((a) => a.measureKey !== null);
  return {
    progress: (measured ? d.readAt : latest([d.row.createdAt, ...d.actions.map((a) => a.updatedAt)])).toISOString(),
    budget: (d.row.ledgerUpdatedAt ?? d.row.createdAt).toISOString(),
  };
}

/** The status and (effective) progress of each action of each entry, for the figures. */
function figureInputs(d: PlanData): EntryFigureInput[] {
  return d.entries.map((e) => ({
    year: e.year,
    period: e.period,
    actions: d.actions.filter((a) => a.entryId === e.id).map((a) => ({ status: a.status, progress: d.progress.get(a.id)!.progress })),
  }));
}

/** The ledger over the within-term year lines. */
function ledgerData(d: PlanData) {
  const yearLines = d.lines.filter((l) => l.kind === 'year');
  return ledgerOf(
    yearLines.map((l) => ({ sourceLabel: l.sourceLabel, year: l.year!, plannedKrw: l.plannedKrw, securedKrw: l.securedKrw })),
    d.executions,
  );
}

export function toStaffPlan(d: PlanData): StaffPlan {
  const inputs = figureInputs(d);
  const { byYear, totals } = ledgerData(d);
  return {
    ...d.plan,
    schedule: d.plan.schedule.map((entry, i) => ({
      ...entry,
      actions: entry.actions.map((stored) => staffActionView(d.actions.find((a) => a.id === stored.id)!, d.evidence, d.progress.get(stored.id)!, d.explanations)),
      figures: figuresOf(inputs[i]!.actions),
    })),
    figures: rollUp(inputs),
    ledger: { ...totals, byYear },
    asOf: asOfView(d),
  };
}

/** The public view: nothing internal — no owners, measures, comments, unpublished evidence or file details. */
export function toPublicPlan(d: PlanData): PublicPlan {
  const staff = toStaffPlan(d);
  const published = new Set(d.evidence.filter((e) => e.published).map((e) => e.id));
  return {
    ...staff,
    schedule: staff.schedule.map((entry) => ({
      ...entry,
      actions: entry.actions.map((a) => ({
        id: a.id,
        text: a.text,
        textEn: a.textEn,
        target: a.target,
        status: a.status,
        progress: a.progress,
        evidence: a.evidence.filter((e) => published.has(e.id)).map((e) => ({ id: e.id, kind: e.kind, title: e.title, url: e.url })),
      })),
    })),
  };
}

export const executionView = (x: typeof budgetExecutions.$inferSelect, createdBy: Execution['createdBy']): Execution => ({
  id: x.id,
  sourceLabel: x.sourceLabel,
  year: x.year,
  executedOn: x.executedOn,
  amountKrw: x.amountKrw,
  description: x.description,
  createdBy,
  createdAt: x.createdAt.toISOString(),
});

type UserRef = { id: number | null; email: string | null; name: string | null } | null;

/** The ledger of a plan from its within-term year lines (in order) and its executions. */
export function ledgerView(lines: BudgetLineRow[], executions: Execution[]): Ledger {
  const { rows, byYear, totals } = ledgerOf(
    lines.map((l) => ({ sourceLabel: l.sourceLabel, year: l.year!, plannedKrw: l.plannedKrw, securedKrw: l.securedKrw })),
    executions,
  );
  return { rows: rows.map((r, i) => ({ ...r, source: lines[i]!.source })), executions, byYear, totals };
}

/** A user joined by a left join (all columns null when there is none), or null. */
const actorRef = (u: { id: number | null; email: string | null; name: string | null } | null) => (u && u.id !== null ? { id: u.id, email: u.email!, name: u.name! } : null);

/** The report of a quarter from the plan's data and its owner departments, generated `now`. */
export function toReport(d: PlanData, depts: { id: number; name: string }[], year: number, quarter: number, now: Date): Report {
  const inputs = figureInputs(d);

  const entries = d.plan.schedule
    .map((entry, i) => ({ entry, input: inputs[i]! }))
    .filter(({ entry }) => entry.year === year && entryQuarter(entry.period) === quarter)
    .map(({ entry, input }) => ({
      id: entry.id,
      year: entry.year,
      period: entry.period,
      goals: entry.goals,
      figures: figuresOf(input.actions),
      actions: entry.actions.map((stored) => {
        const a = d.actions.find((x) => x.id === stored.id)!;
        const p = d.progress.get(a.id)!;
        return {
          id: a.id,
          text: a.text,
          target: stored.target,
          status: a.status,
          progress: p.progress,
          progressSource: p.progressSource,
          ownerDepartment: depts.find((x) => x.id === a.ownerDepartmentId) ?? null,
          evidence: d.evidence.filter((e) => e.actionId === a.id).map((e) => ({ id: e.id, title: e.title, kind: e.kind, published: e.published })),
        };
      }),
    }));

  const { from, to } = quarterDates(year, quarter);
  const planned = sumWon(d.lines.filter((l) => l.kind === 'year' && l.year! <= year).map((l) => l.plannedKrw));
  const executed = sumWon(d.executions.filter((x) => x.executedOn < to).map((x) => x.amountKrw));
  const inQuarter = d.executions.filter((x) => x.executedOn >= from && x.executedOn < to);

  return {
    version: 1,
    plan: { id: d.row.id, title: d.row.title, pledge: d.row.pledge, category: d.row.category, number: d.row.number },
    year,
    quarter,
    generatedAt: now.toISOString(),
    figures: reportFigures(inputs, year, quarter),
    entries,
    budget: {
      plannedKrw: shownWon(planned),
      executedKrw: shownWon(executed),
      executionRate: executionRate(executed, planned),
      quarterExecutedKrw: shownWon(sumWon(inQuarter.map((x) => x.amountKrw))),
      executions: inQuarter.map((x) => ({ id: x.id, sourceLabel: x.sourceLabel, year: x.year, executedOn: x.executedOn, amountKrw: x.amountKrw, description: x.description })),
    },
  };
}

/** A reported quarter: its frozen snapshot, when and by whom. */
export const reportedView = (r: Pick<typeof quarterReports.$inferSelect, 'reportedAt' | 'snapshot'>, by: UserRef): ReportResponse => ({
  reported: true,
  reportedAt: r.reportedAt.toISOString(),
  reportedBy: actorRef(by),
  report: r.snapshot as Report,
});

/** An unreported quarter: its live report. */
export const liveReportView = (report: Report): ReportResponse => ({ reported: false, reportedAt: null, reportedBy: null, report });

/** One reported quarter in the list of a plan's reports. */
export const reportSummaryView = (r: Pick<typeof quarterReports.$inferSelect, 'year' | 'quarter' | 'reportedAt'>, by: UserRef) => ({
  year: r.year,
  quarter: r.quarter,
  reportedAt: r.reportedAt.toISOString(),
  reportedBy: actorRef(by),
});

/** One row of an action's status and progress history. */
export const actionUpdateView = (u: typeof actionUpdates.$inferSelect, actor: { id: number; email: string; name: string } | null) => ({
  id: u.id,
  at: u.at.toISOString(),
  actor: actor && actor.id !== null ? actor : null,
  statusBefore: u.statusBefore,
  statusAfter: u.statusAfter,
  progressBefore: u.progressBefore,
  progressAfter: u.progressAfter,
  comment: u.comment,
});

/**
 * A plan's overall figures and ledger totals from the database's sums, with `extra` the
 * measure-bound actions summed after resolving their progress.
 */
export function planFiguresView(p: PlanTotalsRow, extra: { counted: number; done: number; progressSum: number }): PlanFiguresRow {
  // Exact sums (text: a sum past bigint must not fail the query), shown as shownWon shows them.
  const planned = BigInt(p.planned);
  const executed = BigInt(p.executed);
  return {
    id: Number(p.id),
    category: p.category,
    number: Number(p.number),
    pledge: p.pledge,
    title: p.title,
    figures: figuresFromTotals({ counted: Number(p.counted) + extra.counted, done: Number(p.done) + extra.done, progressSum: Number(p.progress_sum) + extra.progressSum }),
    ledger: { plannedKrw: shownWon(planned), securedKrw: shownWon(BigInt(p.secured)), executedKrw: shownWon(executed), executionRate: executionRate(executed, planned) },
  };
}

/** A compact row of the workspace's action list. */
export function actionRowView(planId: number, a: ActionRow, year: number, period: Period, p: ResolvedProgress, overdue: boolean): ActionListRow {
  return {
    id: a.id,
    planId,
    text: a.text,
    year,
    period,
    status: a.status,
    progress: p.progress,
    progressSource: p.progressSource,
    ownerDepartmentId: a.ownerDepartmentId,
    target: a.targetCount === null || a.targetUnit === null ? null : { count: a.targetCount, unit: a.targetUnit },
    overdue,
    updatedAt: a.updatedAt.toISOString(),
  };
}
