/**
 * Reading the plan as it is run: the stored plan plus each action's status and progress (entered
 * or measured), evidence and budget executions. The views of it (public and staff, with the
 * figures rolled up from actions and the budget ledger) are in presenters.ts.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/executor.ts';
import { notFound } from '../../server/errors.ts';
import type { StaffAction } from './api-schema.ts';
import { resolveProgress, type ResolvedProgress } from './measures.ts';
import { staffActionView, toPublicPlan, toStaffPlan } from './presenters.ts';
import { actions, scheduleEntries } from './schema.ts';
import { loadPlan, type ActionRow, type EntryRow, type LoadedPlan } from './service.ts';
import { actionExplanations, budgetExecutions, evidence } from './tracking-schema.ts';

export type EvidenceRow = typeof evidence.$inferSelect;
export type ExplanationRow = typeof actionExplanations.$inferSelect;
type ExecutionRow = typeof budgetExecutions.$inferSelect;

export interface PlanData extends LoadedPlan {
  evidence: EvidenceRow[];
  executions: ExecutionRow[];
  explanations: ExplanationRow[];
  progress: Map<number, ResolvedProgress>;
  /** When the data was read: the 기준일 of figures a measure computes live. */
  readAt: Date;
}

const progressInputs = (planId: number, entries: EntryRow[], rows: ActionRow[]) =>
  rows.map((a) => {
    const e = entries.find((x) => x.id === a.entryId)!;
    return { planId, actionId: a.id, year: e.year, period: e.period, measureKey: a.measureKey, targetCount: a.targetCount, progress: a.progress };
  });

/** Everything the views need, read with the given handle (a transaction for a consistent snapshot). */
export async function loadPlanData(db: Executor, id: number): Promise<PlanData> {
  const loaded = await loadPlan(db, id);
  const actionIds = loaded.actions.map((a) => a.id);
  const readAt = new Date();
  const [evidenceRows, executions, explanations] = await Promise.all([
    actionIds.length ? db.select().from(evidence).where(inArray(evidence.actionId, actionIds)).orderBy(asc(evidence.createdAt), asc(evidence.id)) : [],
    db.select().from(budgetExecutions).where(eq(budgetExecutions.planId, id)).orderBy(asc(budgetExecutions.executedOn), asc(budgetExecutions.id)),
    actionIds.length ? db.select().from(actionExplanations).where(inArray(actionExplanations.actionId, actionIds)) : [],
  ]);
  const progress = await resolveProgress(db, progressInputs(id, loaded.entries, loaded.actions));
  return { ...loaded, evidence: evidenceRows, executions, explanations, progress, readAt };
}

export const getPublicPlan = async (db: Executor, id: number) => toPublicPlan(await loadPlanData(db, id));
export const getStaffPlan = async (db: Executor, id: number) => toStaffPlan(await loadPlanData(db, id));

/** One action and where it sits, or 404. */
export async function findAction(db: Executor, id: number, opts: { lock?: boolean } = {}) {
  const q = db
    .select({ action: actions, planId: scheduleEntries.planId, year: scheduleEntries.year, period: scheduleEntries.period })
    .from(actions)
    .innerJoin(scheduleEntries, eq(scheduleEntries.id, actions.entryId))
    .where(eq(actions.id, id));
  const [row] = opts.lock ? await q.for('update', { of: actions }) : await q;
  if (!row) throw notFound({ ko: `추진계획 ${id}`, en: `Action ${id}` });
  return row;
}

/** The staff view of one action (after an update). */
export async function getStaffAction(db: Executor, id: number): Promise<StaffAction> {
  const { action, planId, year, period } = await findAction(db, id);
  const [evidenceRows, explanation] = await Promise.all([
    db.select().from(evidence).where(eq(evidence.actionId, id)).orderBy(asc(evidence.createdAt), asc(evidence.id)),
    db.select().from(actionExplanations).where(eq(actionExplanations.actionId, id)),
  ]);
  const progress = await resolveProgress(db, [{ planId, actionId: id, year, period, measureKey: action.measureKey, targetCount: action.targetCount, progress: action.progress }]);
  return staffActionView(action, evidenceRows, progress.get(id)!, explanation);
}
