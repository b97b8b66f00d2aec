/**
 * What running the plan asks of staff now (the staff to-do list, module todo): actions whose
 * scheduled period is over and that are not done (overdue), actions running this quarter with no
 * update since it began (stale), and finished quarters of a plan's term that were never reported.
 * `departmentId` limits the actions to one department (an officer's); null means every action.
 */
import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/executor.ts';
import { departments } from '../accounts/schema.ts';
import { actions, plans, scheduleEntries } from './schema.ts';
import { periodRange, quarterOf, quarterRange } from './seoul-time.ts';
import { actionUpdates, quarterReports } from './tracking-schema.ts';
import type { Period } from './types.ts';

/** Statuses that need nothing more: done, done and continuing, dropped. */
const SETTLED = ['done', 'done_continuing', 'dropped'] as const;

export interface TodoAction {
  id: number;
  planId: number;
  planTitle: string;
  text: string;
  year: number;
  period: Period;
  status: string;
  progress: number;
  department: { ko: string; en: string | null } | null;
  /** When the period ended (overdue) or the last update (stale), ISO. */
  dueAt: string;
  lastUpdateAt: string | null;
}

export async function actionsToDo(db: Executor, departmentId: number | null, now = new Date()): Promise<{ overdue: TodoAction[]; stale: TodoAction[] }> {
  const lastUpdate = sql<Date | string | null>`(select max(${actionUpdates.at}) from ${actionUpdates} where ${actionUpdates.actionId} = ${actions.id})`;
  const found = await db
    .select({
      id: actions.id,
      planId: plans.id,
      planTitle: plans.title,
      text: actions.text,
      year: scheduleEntries.year,
      period: scheduleEntries.period,
      status: actions.status,
      progress: actions.progress,
      departmentKo: departments.name,
      departmentEn: departments.nameEn,
      lastUpdate,
    })
    .from(actions)
    .innerJoin(scheduleEntries, eq(scheduleEntries.id, actions.entryId))
    .innerJoin(plans, eq(plans.id, scheduleEntries.planId))
    .leftJoin(departments, eq(departments.id, actions.ownerDepartmentId))
    .where(and(notInArray(actions.status, [...SETTLED]), departmentId === null ? undefined : eq(actions.ownerDepartmentId, departmentId)))
    .orderBy(scheduleEntries.year, scheduleEntries.position, actions.position);
  const q = quarterOf(now);
  const quarterStart = quarterRange(q.year, q.quarter).from;
  const overdue: TodoAction[] = [];
  const stale: TodoAction[] = [];
  for (const a of found) {
    const range = periodRange(a.year, a.period);
    const last = a.lastUpdate === null ? null : new Date(a.lastUpdate);
    const base = {
      id: a.id,
      planId: a.planId,
      planTitle: a.planTitle,
      text: a.text,
      year: a.year,
      period: a.period,
      status: a.status,
      progress: a.progress,
      department: a.departmentKo === null ? null : { ko: a.departmentKo, en: a.departmentEn },
      lastUpdateAt: last?.toISOString() ?? null,
    };
    if (range.to <= now) overdue.push({ ...base, dueAt: range.to.toISOString() });
    else if (range.from <= now && (last === null || last < quarterStart)) stale.push({ ...base, dueAt: quarterRange(q.year, q.quarter).to.toISOString() });
  }
  return { overdue, stale };
}

export interface UnreportedQuarter {
  planId: number;
  planTitle: string;
  year: number;
  quarter: number;
}

/** Quarters of each plan's term that have ended and have no report, oldest first. */
export async function unreportedQuarters(db: Executor, now = new Date()): Promise<UnreportedQuarter[]> {
  const all = await db.select({ id: plans.id, title: plans.title, start: plans.periodStart, end: plans.periodEnd }).from(plans).orderBy(plans.id);
  const reported = await db.select({ planId: quarterReports.planId, year: quarterReports.year, quarter: quarterReports.quarter }).from(quarterReports);
  const done = new Set(reported.map((r) => `${r.planId}:${r.year}:${r.quarter}`));
  const out: UnreportedQuarter[] = [];
  for (const p of all) {
    for (let year = p.start; year <= p.end; year++) {
      for (let quarter = 1; quarter <= 4; quarter++) {
        if (quarterRange(year, quarter).to > now) break;
        if (!done.has(`${p.id}:${year}:${quarter}`)) out.push({ planId: p.id, planTitle: p.title, year, quarter });
      }
    }
  }
  return out;
}
