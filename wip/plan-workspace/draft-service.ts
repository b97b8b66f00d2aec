/**
 * Drafts (plan_drafts): an action's pending status and progress, saved without reaching the
 * public page, previewed as the public page would show them, then published together in one
 * transaction through the same update as a direct save (rules, history, audit). The draft is
 * checked by the same rules as a save, against the values it would give the action.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { AppError } from '../../server/errors.ts';
import { users } from '../accounts/schema.ts';
import type { SessionUser } from '../accounts/service.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import type { PublicPlan } from './api-schema.ts';
import { assertStatusFitsProgress } from './action-rules.ts';
import type { Draft, DraftRow } from './draft-api-schema.ts';
import { planDrafts } from './drafts-schema.ts';
import { assertCanEditAction } from './permissions.ts';
import { findAction, loadPlanData } from './plan-read.ts';
import { draftRowView, draftView, toPublicPlan } from './presenters.ts';
import { actions, plans, scheduleEntries } from './schema.ts';
import { updateAction } from './tracking-service.ts';
import type { ActionStatus } from './types.ts';

export interface DraftPatch {
  status?: ActionStatus;
  progress?: number;
  comment?: string;
}

const measuredRefusal = () =>
  new AppError('PROGRESS_FROM_MEASURE', {
    ko: '이 추진계획의 진척률은 연결된 측정값에서 계산되므로 직접 입력할 수 없습니다.',
    en: 'This action’s progress is computed from its bound measure and cannot be entered.',
  });

/** Saves (or replaces) the draft of an action; values equal to the published ones are dropped; nothing left → no draft. */
export async function saveDraft(db: Executor, actor: Actor, user: SessionUser, actionId: number, patch: DraftPatch): Promise<Draft | null> {
  return inTransaction(db, async (tx) => {
    const { action } = await findAction(tx, actionId, { lock: true });
    assertCanEditAction(user, action.ownerDepartmentId);
    if (patch.progress !== undefined && action.measureKey !== null) throw measuredRefusal();
    const [old] = await tx.select().from(planDrafts).where(eq(planDrafts.actionId, actionId));
    const status = patch.status ?? old?.status ?? null;
    const progress = patch.progress ?? old?.progress ?? null;
    assertStatusFitsProgress(
      { status: status ?? action.status, progress: progress ?? action.progress },
      { measured: action.measureKey !== null, changed: { status: patch.status !== undefined, progress: patch.progress !== undefined } },
    );
    const next = {
      status: status === action.status ? null : status,
      progress: progress === action.progress ? null : progress,
      comment: patch.comment?.trim() || old?.comment || null,
    };
    const before = old ? { status: old.status, progress: old.progress, comment: old.comment } : null;
    if (next.status === null && next.progress === null) {
      if (old) await tx.delete(planDrafts).where(eq(planDrafts.actionId, actionId));
      await recordAudit(tx, actor, { action: 'action.draft', entity: 'action', entityId: actionId, before, after: null });
      return null;
    }
    const values = { ...next, updatedBy: user.id, updatedAt: new Date() };
    const [row] = await tx.insert(planDrafts).values({ actionId, ...values }).onConflictDoUpdate({ target: planDrafts.actionId, set: values }).returning();
    await recordAudit(tx, actor, { action: 'action.draft', entity: 'action', entityId: actionId, before, after: next });
    return draftView(row!);
  });
}

export async function discardDraft(db: Executor, actor: Actor, user: SessionUser, actionId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { action } = await findAction(tx, actionId, { lock: true });
    assertCanEditAction(user, action.ownerDepartmentId);
    const [old] = await tx.delete(planDrafts).where(eq(planDrafts.actionId, actionId)).returning();
    if (old) await recordAudit(tx, actor, { action: 'action.draft.discard', entity: 'action', entityId: actionId, before: { status: old.status, progress: old.progress, comment: old.comment } });
  });
}

async function requirePlan(db: Executor, planId: number, lock = false) {
  const q = db.select({ id: plans.id }).from(plans).where(eq(plans.id, planId));
  const [p] = lock ? await q.for('update') : await q;
  if (!p) throw new AppError('NOT_FOUND', { ko: `공약 실천계획 ${planId}을 찾을 수 없습니다.`, en: `Plan ${planId} was not found.` });
}

/** The plan's drafts with the published values beside them, in plan order. */
export async function listDrafts(db: Executor, planId: number): Promise<DraftRow[]> {
  await requirePlan(db, planId);
  const rows = await db
    .select({ draft: planDrafts, action: actions, year: scheduleEntries.year, period: scheduleEntries.period, by: { id: users.id, email: users.email, name: users.name } })
    .from(planDrafts)
    .innerJoin(actions, eq(actions.id, planDrafts.actionId))
    .innerJoin(scheduleEntries, eq(scheduleEntries.id, actions.entryId))
    .leftJoin(users, eq(users.id, planDrafts.updatedBy))
    .where(eq(scheduleEntries.planId, planId))
    .orderBy(asc(scheduleEntries.position), asc(actions.position));
  return rows.map((r) => draftRowView(r.draft, r.action, r.year, r.period, r.by && r.by.id !== null ? r.by : null));
}

/** The public page as it will read once the drafts are published (staff only; never cached as public). */
export async function previewPlan(db: Executor, planId: number): Promise<PublicPlan> {
  const data = await loadPlanData(db, planId);
  const drafts = await db
    .select({ draft: planDrafts })
    .from(planDrafts)
    .innerJoin(actions, eq(actions.id, planDrafts.actionId))
    .innerJoin(scheduleEntries, eq(scheduleEntries.id, actions.entryId))
    .where(eq(scheduleEntries.planId, planId));
  const byAction = new Map(drafts.map(({ draft }) => [draft.actionId, draft]));
  data.actions = data.actions.map((a) => {
    const d = byAction.get(a.id);
    return d ? { ...a, status: d.status ?? a.status, progress: d.progress ?? a.progress } : a;
  });
  for (const [id, d] of byAction) {
    const p = data.progress.get(id);
    if (p && p.progressSource === 'manual' && d.progress !== null) data.progress.set(id, { ...p, progress: d.progress });
  }
  return toPublicPlan(data);
}

/** Publishes every draft of the plan in one transaction (each as a direct save: rules, history, audit), or none. */
export async function publishDrafts(db: Executor, actor: Actor, user: SessionUser, planId: number): Promise<{ published: number }> {
  return inTransaction(db, async (tx) => {
    await requirePlan(tx, planId, true);
    const drafts = await tx
      .select({ draft: planDrafts, text: actions.text })
      .from(planDrafts)
      .innerJoin(actions, eq(actions.id, planDrafts.actionId))
      .innerJoin(scheduleEntries, eq(scheduleEntries.id, actions.entryId))
      .where(eq(scheduleEntries.planId, planId))
      .orderBy(asc(planDrafts.actionId));
    for (const { draft, text } of drafts) {
      const patch = { ...(draft.status ? { status: draft.status } : {}), ...(draft.progress !== null ? { progress: draft.progress } : {}), ...(draft.comment ? { comment: draft.comment } : {}) };
      try {
        await updateAction(tx, actor, user, draft.actionId, patch);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        // Name the action whose draft no longer fits (its published values changed meanwhile).
        throw new AppError(
          e.code,
          { ko: `'${text}' 초안: ${e.bilingual.ko}`, en: `Draft of “${text}”: ${e.bilingual.en}` },
          e.fields?.map((f) => ({ ...f, field: `drafts.${draft.actionId}.${f.field}` })),
        );
      }
    }
    if (drafts.length) {
      await tx.delete(planDrafts).where(
        inArray(
          planDrafts.actionId,
          drafts.map((d) => d.draft.actionId),
        ),
      );
    }
    await recordAudit(tx, actor, { action: 'plan.drafts.publish', entity: 'plan', entityId: planId, after: { actions: drafts.map((d) => d.draft.actionId) } });
    return { published: drafts.length };
  });
}
