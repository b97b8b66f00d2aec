/**
 * 공개 설명: staff write what the public reads about an action (Korean, optionally English),
 * apart from the internal comments of the status history. Who may write it is who may update the
 * action (officers: their department's). One transaction with its audit row.
 */
import { eq } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { invalidField } from '../../server/errors.ts';
import type { SessionUser } from '../accounts/service.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import type { StaffAction } from './api-schema.ts';
import { assertCanEditAction } from './permissions.ts';
import { findAction, getStaffAction } from './plan-read.ts';
import { actionExplanations } from './tracking-schema.ts';

export interface ExplanationInput {
  ko: string;
  en?: string | null;
}

/** Sets (or, with both texts blank, removes) an action's public explanation. */
export async function setExplanation(db: Executor, actor: Actor, user: SessionUser, id: number, input: ExplanationInput): Promise<StaffAction> {
  const ko = input.ko.trim();
  const en = input.en?.trim() || null;
  if (!ko && en) throw invalidField('ko', '한국어 설명을 입력해 주십시오. 영어 설명만 둘 수는 없습니다.', 'Enter the Korean explanation: English alone is not enough.');
  await inTransaction(db, async (tx) => {
    const { action } = await findAction(tx, id, { lock: true });
    assertCanEditAction(user, action.ownerDepartmentId);
    const [before] = await tx.select().from(actionExplanations).where(eq(actionExplanations.actionId, id));
    if (!ko) {
      await tx.delete(actionExplanations).where(eq(actionExplanations.actionId, id));
    } else {
      const values = { ko, en, updatedAt: new Date(), updatedBy: user.id };
      await tx
        .insert(actionExplanations)
        .values({ actionId: id, ...values })
        .onConflictDoUpdate({ target: actionExplanations.actionId, set: values });
    }
    await recordAudit(tx, actor, {
      action: ko ? 'action.explain' : 'action.explanation_remove',
      entity: 'action',
      entityId: id,
      before: before ? { ko: before.ko, en: before.en } : null,
      after: ko ? { ko, en } : null,
    });
  });
  return getStaffAction(db, id);
}
