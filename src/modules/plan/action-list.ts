/**
 * The workspace's list of actions, filtered in the database (year, quarter, department, status,
 * "mine", overdue) and shown as compact rows; and one action with where it sits, for the
 * editor that opens one action at a time.
 */
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/executor.ts';
import { notFound } from '../../server/errors.ts';
import type { SessionUser } from '../accounts/service.ts';
import { resolveProgress } from './measures.ts';
import { isOverdue, overdueWhere } from './overdue.ts';
import { findAction, getStaffAction } from './plan-read.ts';
import { actionRowView } from './presenters.ts';
import { actions, goals, plans, scheduleEntries } from './schema.ts';
import type { ActionDetail, ActionRow } from './tracking-api-schema.ts';
import type { ActionStatus, Period } from './types.ts';

export interface ActionFilter {
  year?: number;
  quarter?: number;
  department?: number | 'none';
  status?: ActionStatus;
  mine?: boolean;
  overdue?: boolean;
}

/** The periods that cover a quarter: the quarter itself, its half and the whole year. */
const periodsCovering = (quarter: number): Period[] => [`Q${quarter}` as Period, quarter <= 2 ? 'H1' : 'H2', 'FY'];

function filterWhere(planId: number, f: ActionFilter, user: SessionUser, now: Date): SQL {
  const conditions: (SQL | undefined)[] = [eq(scheduleEntries.planId, planId)];
  if (f.year !== undefined) conditions.push(eq(scheduleEntries.year, f.year));
  if (f.quarter !== undefined) conditions.push(inArray(scheduleEntries.period, periodsCovering(f.quarter)));
  if (f.department === 'none') conditions.push(isNull(actions.ownerDepartmentId));
  else if (f.department !== undefined) conditions.push(eq(actions.ownerDepartmentId, f.department));
  if (f.status !== undefined) conditions.push(eq(actions.status, f.status));
  // "Mine": the signed-in user's department; a user without one has no actions of their own.
  if (f.mine) conditions.push(user.departmentId === null ? sql`false` : eq(actions.ownerDepartmentId, user.departmentId));
  if (f.overdue) conditions.push(overdueWhere(now));
  return and(...conditions)!;
}

export async function listActions(
  db: Executor,
  planId: number,
  filter: ActionFilter,
  user: SessionUser,
  now = new Date(),
): Promise<{ items: ActionRow[]; total: number; years: number[] }> {
  const [plan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.id, planId));
  if (!plan) throw notFound({ ko: `공약 실천계획 ${planId}`, en: `Plan ${planId}` });
  const rows = await db
    .select({ action: actions, year: scheduleEntries.year, period: scheduleEntries.period })
    .from(actions)
    .innerJoin(scheduleEntries, eq(scheduleEntries.id, actions.entryId))
    .where(filterWhere(planId, filter, user, now))
    .orderBy(asc(scheduleEntries.position), asc(actions.position), asc(actions.id));
  const [counts] = await db
    .select({ total: sql<number>`count(${actions.id})::int`, years: sql<number[]>`coalesce(array_agg(distinct ${scheduleEntries.year}), '{}')` })
    .from(scheduleEntries)
    .leftJoin(actions, eq(actions.entryId, scheduleEntries.id))
    .where(eq(scheduleEntries.planId, planId));
  const progress = await resolveProgress(
    db,
    rows.map(({ action: a, year, period }) => ({ planId, actionId: a.id, year, period, measureKey: a.measureKey, targetCount: a.targetCount, progress: a.progress })),
  );
  return {
    items: rows.map(({ action, year, period }) => actionRowView(planId, action, year, period, progress.get(action.id)!, isOverdue(year, period, action.status, now))),
    total: Number(counts?.total ?? 0),
    years: [...(counts?.years ?? [])].map(Number).sort((a, b) => a - b),
  };
}

/** One action for the editor: its staff view, its place in the plan and its entry's goals. */
export async function getActionDetail(db: Executor, id: number, now = new Date()): Promise<ActionDetail> {
  const { action, planId, year, period } = await findAction(db, id);
  const goalRows = await db.select({ text: goals.text }).from(goals).where(eq(goals.entryId, action.entryId)).orderBy(asc(goals.position));
  const staff = await getStaffAction(db, id);
  return { ...staff, planId, year, period, overdue: isOverdue(year, period, action.status, now), goals: goalRows.map((g) => g.text) };
}
