/**
 * Running actions: status and progress updates (with history), assignment of the owner
 * department and of a measure. Each write is one transaction with its audit row.
 */
import { desc, eq } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { AppError, fieldError } from '../../server/errors.ts';
import { departments, users } from '../accounts/schema.ts';
import type { SessionUser } from '../accounts/service.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import type { StaffAction } from './api-schema.ts';
import { assertStatusFitsProgress } from './action-rules.ts';
import { getMeasure } from './measures.ts';
import { assertCanEditAction } from './permissions.ts';
import { findAction, getStaffAction } from './plan-read.ts';
import { actionUpdateView } from './presenters.ts';
import { actions } from './schema.ts';
import { actionUpdates } from './tracking-schema.ts';
import type { ActionStatus } from './types.ts';

export interface ActionPatch {
  status?: ActionStatus;
  progress?: number;
  comment?: string;
}

/** Changes an action's status and/or progress, keeping a history row and an audit row. */
export async function updateAction(db: Executor, actor: Actor, user: SessionUser, id: number, patch: ActionPatch): Promise<StaffAction> {
  await inTransaction(db, async (tx) => {
    const { action } = await findAction(tx, id, { lock: true });
    assertCanEditAction(user, action.ownerDepartmentId);
    if (patch.progress !== undefined && action.measureKey !== null) {
      throw new AppError(
        'PROGRESS_FROM_MEASURE',
        {
          ko: '이 추진계획의 진척률은 연결된 측정값에서 계산되므로 직접 입력할 수 없습니다.',
          en: 'This action’s progress is computed from its bound measure and cannot be entered.',
        },
        [fieldError('progress', '측정값과 연결된 추진계획입니다.', 'The action is bound to a measure.')],
      );
    }
    const status = patch.status ?? action.status;
    const progress = patch.progress ?? action.progress;
    const changed = { status: patch.status !== undefined, progress: patch.progress !== undefined };
    // A comment alone changes neither, so it is never refused for data saved before the rules.
    if (changed.status || changed.progress) assertStatusFitsProgress({ status, progress }, { measured: action.measureKey !== null, changed });
    const comment = patch.comment?.trim() || null;
    await tx.update(actions).set({ status, progress, updatedAt: new Date() }).where(eq(actions.id, id));
    await tx.insert(actionUpdates).values({
      actionId: id,
      actorId: user.id,
      statusBefore: action.status,
      statusAfter: status,
      progressBefore: action.progress,
      progressAfter: progress,
      comment,
    });
    await recordAudit(tx, actor, {
      action: 'action.update',
      entity: 'action',
      entityId: id,
      subject: action.text,
      before: { status: action.status, progress: action.progress },
      after: { status, progress, comment },
    });
  });
  return getStaffAction(db, id);
}

export interface AssignmentPatch {
  ownerDepartmentId?: number | null;
  measureKey?: string | null;
  target?: { count: number; unit: string } | null;
}

/** Sets the owner department and/or the bound measure of an action (managers). */
export async function assignAction(db: Executor, actor: Actor, id: number, patch: AssignmentPatch): Promise<StaffAction> {
  await inTransaction(db, async (tx) => {
    const { action } = await findAction(tx, id, { lock: true });
    if (patch.ownerDepartmentId != null) {
      // Read-only look-up in the accounts module's table; the foreign key guards it too.
      const [d] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, patch.ownerDepartmentId));
      if (!d) {
        throw new AppError('VALIDATION_FAILED', { ko: '없는 부서입니다.', en: 'No such department.' }, [
          fieldError('ownerDepartmentId', '없는 부서입니다.', 'No such department.'),
        ]);
      }
    }
    // A manager may give a numeric target to an action whose text names none (most of the
    // plan's actions), so that a module's measure can drive its progress.
    const target = patch.target === undefined ? { count: action.targetCount, unit: action.targetUnit } : { count: patch.target?.count ?? null, unit: patch.target?.unit ?? null };
    const measureKey = patch.measureKey === undefined ? action.measureKey : patch.measureKey;
    if (patch.measureKey != null && !getMeasure(patch.measureKey)) {
      throw new AppError('VALIDATION_FAILED', { ko: '측정값을 연결할 수 없습니다.', en: 'The measure cannot be bound.' }, [
        fieldError('measureKey', `등록되지 않은 측정값입니다: ${patch.measureKey}`, `No such measure: ${patch.measureKey}`),
      ]);
    }
    if (measureKey !== null && target.count === null) {
      const field = patch.target === null ? 'target' : 'measureKey';
      throw new AppError('VALIDATION_FAILED', { ko: '측정값을 연결할 수 없습니다.', en: 'The measure cannot be bound.' }, [
        fieldError(
          field,
          '수치 목표(예: 2회)가 있는 추진계획만 측정값과 연결할 수 있습니다. 수치 목표를 함께 보내 주십시오.',
          'Only an action with a numeric target (e.g. 2회) can be bound to a measure; send a target with it.',
        ),
      ]);
    }
    const next = {
      ownerDepartmentId: patch.ownerDepartmentId === undefined ? action.ownerDepartmentId : patch.ownerDepartmentId,
      measureKey,
      targetCount: target.count,
      targetUnit: target.unit,
    };
    await tx
      .update(actions)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(actions.id, id));
    await recordAudit(tx, actor, {
      action: 'action.assign',
      entity: 'action',
      entityId: id,
      subject: action.text,
      before: { ownerDepartmentId: action.ownerDepartmentId, measureKey: action.measureKey, targetCount: action.targetCount, targetUnit: action.targetUnit },
      after: next,
    });
  });
  return getStaffAction(db, id);
}

/** The history of an action's status and progress, newest first. */
export async function actionHistory(db: Executor, id: number) {
  await findAction(db, id);
  const rows = await db
    .select({ u: actionUpdates, actor: { id: users.id, email: users.email, name: users.name } })
    .from(actionUpdates)
    .leftJoin(users, eq(users.id, actionUpdates.actorId))
    .where(eq(actionUpdates.actionId, id))
    .orderBy(desc(actionUpdates.at), desc(actionUpdates.id));
  return rows.map(({ u, actor }) => actionUpdateView(u, actor));
}
