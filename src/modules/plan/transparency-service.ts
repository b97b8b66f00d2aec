/**
 * Public reads of the plan's record (transparency): one action's page with its public
 * explanation and the history of its status and progress, the reported (frozen) quarters, and
 * the pledge disclosure. Drafts (unreported quarters), staff names and internal comments never
 * leave here.
 */
import { and, asc, desc, eq, or, ne } from 'drizzle-orm';
import type { Executor } from '../../db/executor.ts';
import { notFound } from '../../server/errors.ts';
import { resolveProgress } from './measures.ts';
import { findAction, loadPlanData } from './plan-read.ts';
import { explanationView, toPublicPlan } from './presenters.ts';
import { disclosureView, publicReportView, publicReportSummary } from './transparency-presenters.ts';
import type { ReportResponse, Report } from './report-api-schema.ts';
import { goals, plans, scheduleEntries } from './schema.ts';
import { actionExplanations, actionUpdates, evidence, quarterReports } from './tracking-schema.ts';
import type { Disclosure, PublicActionPage } from './transparency-api-schema.ts';

const planNotFound = (id: number) => notFound({ ko: `공약 실천계획 ${id}`, en: `Plan ${id}` });

/** One action of a plan as the public sees it: status, progress, published evidence, explanation, history. */
export async function getPublicAction(db: Executor, planId: number, actionId: number): Promise<PublicActionPage> {
  const found = await findAction(db, actionId);
  if (found.planId !== planId) throw notFound({ ko: `추진계획 ${actionId}`, en: `Action ${actionId}` });
  const { action, year, period } = found;
  const readAt = new Date();
  const [plan] = await db.select({ id: plans.id, title: plans.title, titleEn: plans.titleEn, pledge: plans.pledge }).from(plans).where(eq(plans.id, planId));
  const [evidenceRows, explanation, history, progress, page] = await Promise.all([
    db
      .select()
      .from(evidence)
      .where(and(eq(evidence.actionId, actionId), eq(evidence.published, true)))
      .orderBy(asc(evidence.createdAt), asc(evidence.id)),
    db.select().from(actionExplanations).where(eq(actionExplanations.actionId, actionId)),
    // Only real changes: an update that carried a comment alone is internal.
    db
      .select({
        at: actionUpdates.at,
        statusBefore: actionUpdates.statusBefore,
        statusAfter: actionUpdates.statusAfter,
        progressBefore: actionUpdates.progressBefore,
        progressAfter: actionUpdates.progressAfter,
      })
      .from(actionUpdates)
      .where(
        and(eq(actionUpdates.actionId, actionId), or(ne(actionUpdates.statusBefore, actionUpdates.statusAfter), ne(actionUpdates.progressBefore, actionUpdates.progressAfter))),
      )
      .orderBy(desc(actionUpdates.at), desc(actionUpdates.id)),
    resolveProgress(db, [{ planId, actionId, year, period, measureKey: action.measureKey, targetCount: action.targetCount, progress: action.progress }]),
    loadEntry(db, action.entryId),
  ]);
  const p = progress.get(actionId)!;
  return {
    plan: plan!,
    entry: page,
    action: {
      id: action.id,
      text: action.text,
      textEn: action.textEn,
      target: action.targetCount === null || action.targetUnit === null ? null : { count: action.targetCount, unit: action.targetUnit },
      status: action.status,
      progress: p.progress,
      evidence: evidenceRows.map((e) => ({ id: e.id, kind: e.kind, title: e.title, url: e.kind === 'file' ? `/api/evidence/${e.id}/file` : e.url! })),
    },
    explanation: explanation[0] ? explanationView(explanation[0]) : null,
    history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
    asOf: (action.measureKey !== null ? readAt : action.updatedAt).toISOString(),
  };
}

/** The schedule entry an action belongs to, with its goals. */
async function loadEntry(db: Executor, entryId: number) {
  const [[e], goalRows] = await Promise.all([
    db.select().from(scheduleEntries).where(eq(scheduleEntries.id, entryId)),
    db.select({ text: goals.text, textEn: goals.textEn }).from(goals).where(eq(goals.entryId, entryId)).orderBy(asc(goals.position)),
  ]);
  return { id: e!.id, year: e!.year, period: e!.period, goals: goalRows.map((g) => g.text), goalsEn: goalRows.map((g) => g.textEn) };
}

/** The plan's reported quarters, newest first, with their own figures and download links. */
export async function listPublicReports(db: Executor, planId: number) {
  const [p] = await db.select({ id: plans.id }).from(plans).where(eq(plans.id, planId));
  if (!p) throw planNotFound(planId);
  const rows = await db
    .select({ year: quarterReports.year, quarter: quarterReports.quarter, reportedAt: quarterReports.reportedAt, snapshot: quarterReports.snapshot })
    .from(quarterReports)
    .where(eq(quarterReports.planId, planId))
    .orderBy(desc(quarterReports.year), desc(quarterReports.quarter));
  return rows.map((r) => publicReportSummary(planId, r.year, r.quarter, r.reportedAt, r.snapshot as Report));
}

/** A reported quarter as the public sees it; an unreported one is not found (drafts are never public). */
export async function getPublicReport(db: Executor, planId: number, year: number, quarter: number): Promise<ReportResponse> {
  const [row] = await db
    .select({ reportedAt: quarterReports.reportedAt, snapshot: quarterReports.snapshot })
    .from(quarterReports)
    .where(and(eq(quarterReports.planId, planId), eq(quarterReports.year, year), eq(quarterReports.quarter, quarter)));
  if (!row) throw notFound({ ko: `보고된 ${year}년 ${quarter}분기 보고서`, en: `A reported ${year} Q${quarter} report` });
  return publicReportView(row.reportedAt, row.snapshot as Report);
}

/** 공약 이행 현황 공개: status counts, the ledger by source and year, targets achieved, each with its 기준일. */
export async function getDisclosure(db: Executor, planId: number): Promise<Disclosure> {
  const d = await loadPlanData(db, planId);
  return disclosureView(d, toPublicPlan(d));
}
