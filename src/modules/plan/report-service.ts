/**
 * Quarterly reports (분기 보고): goals, actions with status and progress, evidence and budget
 * executed for the entries due in a quarter. An unreported quarter is computed live; reporting
 * it freezes a snapshot that is written once and never rewritten.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { isUniqueViolation } from '../../server/db-errors.ts';
import { AppError, invalidField, notFound } from '../../server/errors.ts';
import { departments, users } from '../accounts/schema.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import { loadPlanData } from './plan-read.ts';
import { liveReportView, reportedView, reportSummaryView, toReport } from './presenters.ts';
import type { Report, ReportResponse } from './report-api-schema.ts';
import { plans } from './schema.ts';
import { quarterRange } from './seoul-time.ts';
import { quarterReports } from './tracking-schema.ts';

/** Computes the report of a quarter from the current data (inside the caller's transaction, if any). */
async function buildReport(db: Executor, planId: number, year: number, quarter: number): Promise<Report> {
  const d = await loadPlanData(db, planId);
  const ownerIds = [...new Set(d.actions.map((a) => a.ownerDepartmentId).filter((x): x is number => x !== null))];
  const depts = ownerIds.length ? await db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, ownerIds)) : [];
  return toReport(d, depts, year, quarter, new Date());
}

const reportedBy = { id: users.id, email: users.email, name: users.name };

/** A reported quarter's frozen snapshot, or the live report of an unreported one. */
export async function getReport(db: Executor, planId: number, year: number, quarter: number): Promise<ReportResponse> {
  const [row] = await db
    .select({ r: quarterReports, by: reportedBy })
    .from(quarterReports)
    .leftJoin(users, eq(users.id, quarterReports.reportedBy))
    .where(and(eq(quarterReports.planId, planId), eq(quarterReports.year, year), eq(quarterReports.quarter, quarter)));
  if (row) return reportedView(row.r, row.by);
  return liveReportView(await buildReport(db, planId, year, quarter));
}

export async function listReports(db: Executor, planId: number) {
  const [p] = await db.select({ id: plans.id }).from(plans).where(eq(plans.id, planId));
  if (!p) throw notFound({ ko: `공약 실천계획 ${planId}`, en: `Plan ${planId}` });
  const rows = await db
    .select({ r: { year: quarterReports.year, quarter: quarterReports.quarter, reportedAt: quarterReports.reportedAt }, by: reportedBy })
    .from(quarterReports)
    .leftJoin(users, eq(users.id, quarterReports.reportedBy))
    .where(eq(quarterReports.planId, planId))
    .orderBy(desc(quarterReports.year), desc(quarterReports.quarter), asc(quarterReports.id));
  return rows.map(({ r, by }) => reportSummaryView(r, by));
}

const alreadyReported = (year: number, quarter: number) =>
  new AppError('QUARTER_REPORTED', {
    ko: `${year}년 ${quarter}분기는 이미 보고되었습니다. 보고된 분기는 다시 쓰지 않습니다.`,
    en: `${year} Q${quarter} has already been reported; a reported quarter is never rewritten.`,
  });

/** Reports a quarter: freezes its snapshot (once; a second report of it → 409). */
export async function createReport(db: Executor, actor: Actor, userId: number, planId: number, year: number, quarter: number, now = new Date()): Promise<ReportResponse> {
  try {
    await inTransaction(db, async (tx) => {
      // Serialises reports of the plan, so two concurrent ones cannot both pass the check below.
      const [p] = await tx.select().from(plans).where(eq(plans.id, planId)).for('update');
      if (!p) throw notFound({ ko: `공약 실천계획 ${planId}`, en: `Plan ${planId}` });
      if (year < p.periodStart || year > p.periodEnd) {
        throw invalidField('year', `사업기간(${p.periodStart}~${p.periodEnd}) 안의 연도여야 합니다.`, `Must be a year of the plan’s period (${p.periodStart}–${p.periodEnd}).`);
      }
      if (quarterRange(year, quarter).from > now) {
        throw invalidField('quarter', '아직 시작하지 않은 분기는 보고할 수 없습니다.', 'A quarter that has not begun cannot be reported.');
      }
      const [existing] = await tx
        .select({ id: quarterReports.id })
        .from(quarterReports)
        .where(and(eq(quarterReports.planId, planId), eq(quarterReports.year, year), eq(quarterReports.quarter, quarter)));
      if (existing) throw alreadyReported(year, quarter);
      const snapshot = await buildReport(tx, planId, year, quarter);
      const [row] = await tx.insert(quarterReports).values({ planId, year, quarter, reportedBy: userId, snapshot }).returning({ id: quarterReports.id });
      await recordAudit(tx, actor, {
        action: 'report.create',
        entity: 'quarter_report',
        entityId: row!.id,
        after: { planId, year, quarter, figures: snapshot.figures, budget: { plannedKrw: snapshot.budget.plannedKrw, executedKrw: snapshot.budget.executedKrw } },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'quarter_reports_uq')) throw alreadyReported(year, quarter);
    throw e;
  }
  return getReport(db, planId, year, quarter);
}
