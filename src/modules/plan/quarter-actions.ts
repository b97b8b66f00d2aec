/**
 * The actions due in one quarter (Seoul) across every plan, with their figures — the public
 * home's "this quarter" — by the same rules as the plan view: an entry's quarter is
 * `entryQuarter` (H1 → Q2, H2 and FY → Q4), measure-bound progress is measured (`resolveProgress`),
 * and the figures are `figuresOf` over them.
 */
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/executor.ts';
import { entryQuarter, type Figures, figuresOf } from './figures.ts';
import { resolveProgress } from './measures.ts';
import { actions, scheduleEntries } from './schema.ts';
import type { ActionStatus } from './types.ts';

interface QuarterAction {
  id: number;
  planId: number;
  text: string;
  textEn: string | null;
  status: ActionStatus;
  progress: number;
}

export interface QuarterActions {
  actions: QuarterAction[];
  figures: Figures;
  /** The latest change of one of them; null when none is due (or a measure drives one: read live). */
  changedAt: Date | null;
  measured: boolean;
}

export async function quarterActions(db: Executor, year: number, quarter: number): Promise<QuarterActions> {
  const found = await db
    .select({ a: actions, planId: scheduleEntries.planId, year: scheduleEntries.year, period: scheduleEntries.period })
    .from(actions)
    .innerJoin(scheduleEntries, eq(scheduleEntries.id, actions.entryId))
    .where(eq(scheduleEntries.year, year))
    .orderBy(asc(scheduleEntries.planId), asc(scheduleEntries.id), asc(actions.position));
  const due = found.filter((r) => entryQuarter(r.period) === quarter);
  const resolved = await resolveProgress(
    db,
    due.map((r) => ({ planId: r.planId, actionId: r.a.id, year: r.year, period: r.period, measureKey: r.a.measureKey, targetCount: r.a.targetCount, progress: r.a.progress })),
  );
  const list = due.map((r) => ({
    id: r.a.id,
    planId: r.planId,
    text: r.a.text,
    textEn: r.a.textEn,
    status: r.a.status,
    progress: resolved.get(r.a.id)?.progress ?? r.a.progress,
  }));
  const times = due.map((r) => r.a.updatedAt.getTime());
  return {
    actions: list,
    figures: figuresOf(list),
    changedAt: times.length > 0 ? new Date(Math.max(...times)) : null,
    measured: [...resolved.values()].some((p) => p.progressSource === 'measure'),
  };
}
