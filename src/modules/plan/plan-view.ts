/**
 * The plan as it is run: the stored plan plus each action's status and progress (entered or
 * measured), evidence, the figures rolled up from actions, and the budget ledger.
 *
 * Two presenters over the same data: the public one (published evidence only; no owners,
 * measures, comments or file details) and the staff one.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/executor.ts';
import { notFound } from '../../server/errors.ts';
import type { Evidence, PublicPlan, StaffAction, StaffPlan } from './api-schema.ts';
import { figuresOf, ledgerOf, rollUp, type EntryFigureInput } from './figures.ts';
import { resolveProgress, type ResolvedProgress } from './measures.ts';
import { actions, scheduleEntries } from './schema.ts';
import { loadPlan, type ActionRow, type EntryRow, type LoadedPlan } from './service.ts';
import { budgetExecutions, evidence } from './tracking-schema.ts';

export type EvidenceRow = typeof evidence.$inferSelect;
type ExecutionRow = typeof budgetExecutions.$inferSelect;

export interface PlanData extends LoadedPlan {
  evidence: EvidenceRow[];
  executions: ExecutionRow[];
  progress: Map<number, ResolvedProgress>;
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
  const [evidenceRows, executions] = await Promise.all([
    actionIds.length ? db.select().from(evidence).where(inArray(evidence.actionId, actionIds)).orderBy(asc(evidence.createdAt), asc(evidence.id)) : [],
    db.select().from(budgetExecutions).where(eq(budgetExecutions.planId, id)).orderBy(asc(budgetExecutions.executedOn), asc(budgetExecutions.id)),
  ]);
  const progress = await resolveProgress(db, progressInputs(id, loaded.entries, loaded.actions));
  return { ...loaded, evidence: evidenceRows, executions, progress };
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

function staffActionView(a: ActionRow, evidenceRows: EvidenceRow[], p: ResolvedProgress): StaffAction {
  return {
    id: a.id,
    text: a.text,
    target: a.targetCount === null || a.targetUnit === null ? null : { count: a.targetCount, unit: a.targetUnit },
    status: a.status,
    progress: p.progress,
    evidence: evidenceRows.filter((e) => e.actionId === a.id).map(evidenceView),
    ownerDepartmentId: a.ownerDepartmentId,
    measureKey: a.measureKey,
    measured: p.measured,
    progressSource: p.progressSource,
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** The status and (effective) progress of each action of each entry, for the figures. */
export function figureInputs(d: PlanData): EntryFigureInput[] {
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

function toStaffPlan(d: PlanData): StaffPlan {
  const inputs = figureInputs(d);
  const { byYear, totals } = ledgerData(d);
  return {
    ...d.plan,
    schedule: d.plan.schedule.map((entry, i) => ({
      ...entry,
      actions: entry.actions.map((stored) => staffActionView(d.actions.find((a) => a.id === stored.id)!, d.evidence, d.progress.get(stored.id)!)),
      figures: figuresOf(inputs[i]!.actions),
    })),
    figures: rollUp(inputs),
    ledger: { ...totals, byYear },
  };
}

/** The public view: nothing internal — no owners, measures, comments, unpublished evidence or file details. */
function toPublicPlan(d: PlanData): PublicPlan {
  const staff = toStaffPlan(d);
  const published = new Set(d.evidence.filter((e) => e.published).map((e) => e.id));
  return {
    ...staff,
    schedule: staff.schedule.map((entry) => ({
      ...entry,
      actions: entry.actions.map((a) => ({
        id: a.id,
        text: a.text,
        target: a.target,
        status: a.status,
        progress: a.progress,
        evidence: a.evidence.filter((e) => published.has(e.id)).map((e) => ({ id: e.id, kind: e.kind, title: e.title, url: e.url })),
      })),
    })),
  };
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
  const evidenceRows = await db.select().from(evidence).where(eq(evidence.actionId, id)).orderBy(asc(evidence.createdAt), asc(evidence.id));
  const progress = await resolveProgress(db, [{ planId, actionId: id, year, period, measureKey: action.measureKey, targetCount: action.targetCount, progress: action.progress }]);
  return staffActionView(action, evidenceRows, progress.get(id)!);
}
