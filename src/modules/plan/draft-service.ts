/**
 * Drafts (plan_drafts): an action's pending status and progress, saved without reaching the
 * public page, previewed as the public page would read with them, then published together in
 * one transaction through the same update as a direct save (rules, history, audit). A draft is
 * checked by the same rules as a save (action-rules.ts), against the values it would give the
 * action, and checked again when it is published.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { AppError, fieldError, notFound } from '../../server/errors.ts';
import { users } from '../accounts/schema.ts';
import type { SessionUser } from '../accounts/service.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import { assertStatusFitsProgress } from './action-rules.ts';
import type { PublicPlan } from './api-schema.ts';
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
  new AppError(
    'PROGRESS_FROM_MEASURE',
    {
      ko: '이 추진계획의 진척률은 연결된 측정값에서 계산되므로 직접 입력할 수 없습니다.',
      en: 'This action’s progress is computed from its bound measure and cannot be entered.',
    },
    [fieldError('progress', '측정값과 연결된 추진계획입니다.', 'The action is bound to a measure.')],
  );

const auditedDraft = (d: { status: ActionStatus | null; progress: number | null; comment: string | null }) => ({ status: d.status, progress: d.progress, comment: d.comment });

/** Saves (or replaces) the draft of an action; values equal to the published ones are dropped; nothing left → no draft (null). */
export async function saveDraft(db: Executor, actor: Actor, user: SessionUser, actionId: number, patch: DraftPatch): Promise<Draft | null> {
  return inTransaction(db, async (tx) => {
    const { action } = await findAction(tx, actionId, { lock: true });
    assertCanEditAction(user, action.ownerDepartmentId);
    const measured = action.measureKey !== null;
    if (patch.progress !== undefined && measured) throw measuredRefusal();
    const [old] = await tx.select().from(planDrafts).where(eq(planDrafts.actionId, actionId));
    const status = patch.status ?? old?.status ?? action.status;
    const progress = patch.progress ?? old?.progress ?? action.progress;
    assertStatusFitsProgress({ status, progress }, { measured, changed: { status: patch.status !== undefined, progress: patch.progress !== undefined } });
    const next = {
      status: status === action.status ? null : status,
      progress: progress === action.progress ? null : progress,
      comment: patch.comment?.trim() || old?.comment || null,
    };
    const before = old ? auditedDraft(old) : null;
    if (next.status === null && next.progress === null) {
      if (!old) return null;
      await tx.delete(planDrafts).where(eq(planDrafts.actionId, actionId));
      await recordAudit(tx, actor, { action: 'action.draft.discard', entity: 'action', entityId: actionId, subject: action.text, before });
      return null;
    }
    const values = { ...next, updatedBy: user.id, updatedAt: new Date() };
    const [row] = await tx
      .insert(planDrafts)
      .values({ actionId, ...values })
      .onConflictDoUpdate({ target: planDrafts.actionId, set: values })
      .returning();
    await recordAudit(tx, actor, { action: 'action.draft', entity: 'action', entityId: actionId, subject: action.text, before, after: next });
    return draftView(row!);
  });
}

/** Drops an action's draft (nothing to drop: nothing happens). */
export async function discardDraft(db: Executor, actor: Actor, user: SessionUser, actionId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { action } = await findAction(tx, actionId, { lock: true });
    assertCanEditAction(user, action.ownerDepartmentId);
    const [old] = await tx.delete(planDrafts).where(eq(planDrafts.actionId, actionId)).returning();
    if (old) await recordAudit(tx, actor, { action: 'action.draft.discard', entity: 'action', entityId: actionId, subject: action.text, before: auditedDraft(old) });
  });
}

async function requirePlan(db: Executor, planId: number, lock = false): Promise<string> {
  const q = db.select({ id: plans.id, title: plans.title }).from(plans).where(eq(plans.id, planId));
  const [p] = lock ? await q.for('update') : await q;
  if (!p) throw notFound({ ko: `공약 실천계획 ${planId}`, en: `Plan ${planId}` });
  return p.title;
}

const planDraftRows = (db: Executor, planId: number) =>
  db
    .select({ draft: planDrafts, action: actions, year: scheduleEntries.year, period: scheduleEntries.period })
    .from(planDrafts)
    .innerJoin(actions, eq(actions.id, planDrafts.actionId))
    .innerJoin(scheduleEntries, eq(scheduleEntries.id, actions.entryId))
    .where(eq(scheduleEntries.planId, planId))
    .orderBy(asc(scheduleEntries.position), asc(actions.position));

/** The plan's drafts with the published values beside them, in plan order. */
export async function listDrafts(db: Executor, planId: number): Promise<DraftRow[]> {
  await requirePlan(db, planId);
  const rows = await planDraftRows(db, planId);
  const byIds = [...new Set(rows.map((r) => r.draft.updatedBy).filter((id): id is number => id !== null))];
  const people = byIds.length ? await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(inArray(users.id, byIds)) : [];
  return rows.map((r) => draftRowView(r.draft, r.action, r.year, r.period, people.find((p) => p.id === r.draft.updatedBy) ?? null));
}

/** The public page as it will read once the drafts are published (staff only; never cached as public), and which actions differ. */
export async function previewPlan(db: Executor, planId: number): Promise<{ plan: PublicPlan; drafted: number[] }> {
  return inTransaction(db, async (tx) => {
    const data = await loadPlanData(tx, planId);
    const drafts = await planDraftRows(tx, planId);
    const byAction = new Map(drafts.map(({ draft }) => [draft.actionId, draft]));
    data.actions = data.actions.map((a) => {
      const d = byAction.get(a.id);
      return d ? { ...a, status: d.status ?? a.status, progress: d.progress ?? a.progress } : a;
    });
    for (const [id, d] of byAction) {
      const p = data.progress.get(id);
      if (p && p.progressSource === 'manual' && d.progress !== null) data.progress.set(id, { ...p, progress: d.progress });
    }
    return { plan: toPublicPlan(data), drafted: [...byAction.keys()] };
  });
}

/**
 * Publishes every draft of the plan in one transaction — each as a direct save (rules, history,
 * `action.update` audit row) — with one `plan.drafts.publish` audit row, or none of them: a
 * draft that no longer fits (its action changed meanwhile) refuses all, naming the action.
 */
export async function publishDrafts(db: Executor, actor: Actor, user: SessionUser, planId: number): Promise<{ published: number }> {
  return inTransaction(db, async (tx) => {
    const title = await requirePlan(tx, planId, true);
    const drafts = await planDraftRows(tx, planId);
    if (drafts.length === 0) return { published: 0 };
    for (const { draft, action } of drafts) {
      const patch = {
        ...(draft.status !== null ? { status: draft.status } : {}),
        ...(draft.progress !== null ? { progress: draft.progress } : {}),
        ...(draft.comment ? { comment: draft.comment } : {}),
      };
      try {
        await updateAction(tx, actor, user, draft.actionId, patch);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        throw new AppError(
          e.code,
          { ko: `'${action.text}' 초안: ${e.bilingual.ko}`, en: `Draft of “${action.text}”: ${e.bilingual.en}` },
          e.fields?.map((f) => ({ ...f, field: `drafts.${draft.actionId}.${f.field}` })),
        );
      }
    }
    const ids = drafts.map((d) => d.draft.actionId);
    await tx.delete(planDrafts).where(inArray(planDrafts.actionId, ids));
    await recordAudit(tx, actor, {
      action: 'plan.drafts.publish',
      entity: 'plan',
      entityId: planId,
      subject: title,
      after: { actions: drafts.map(({ draft, action }) => ({ id: draft.actionId, text: action.text, status: draft.status, progress: draft.progress })) },
    });
    return { published: drafts.length };
  });
}
