/**
 * When an action is overdue: its schedule period has ended (Seoul) and it is not done,
 * continuing or dropped (on hold still needs a decision: the dashboard's to-do counts it too). One rule for the workspace filter, its rows and the editor;
 * `overdueWhere` is the same rule in SQL so the list filters in the database.
 */
import { and, eq, inArray, lt, notInArray, or, type SQL } from 'drizzle-orm';
import { actions, scheduleEntries } from './schema.ts';
import { periodRange, quarterOf } from './seoul-time.ts';
import type { ActionStatus, Period } from './types.ts';

/** Statuses that are not "behind": finished, or given up. */
const SETTLED_STATUSES: readonly ActionStatus[] = ['done', 'done_continuing', 'dropped'];

export function isOverdue(year: number, period: Period, status: ActionStatus, now: Date): boolean {
  return !SETTLED_STATUSES.includes(status) && periodRange(year, period).to.getTime() <= now.getTime();
}

/** The periods of the current Seoul year that have ended by `now`. */
function endedPeriodsThisYear(quarter: number): Period[] {
  const ended: Period[] = (['Q1', 'Q2', 'Q3'] as const).slice(0, quarter - 1);
  return quarter >= 3 ? [...ended, 'H1'] : ended;
}

/** SQL over actions ⋈ schedule_entries: the action is overdue at `now`. */
export function overdueWhere(now: Date): SQL {
  const { year, quarter } = quarterOf(now);
  const ended = endedPeriodsThisYear(quarter);
  const periodEnded = or(lt(scheduleEntries.year, year), ended.length ? and(eq(scheduleEntries.year, year), inArray(scheduleEntries.period, ended)) : undefined)!;
  return and(periodEnded, notInArray(actions.status, [...SETTLED_STATUSES]))!;
}
