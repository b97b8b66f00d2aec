/**
 * Moves a target forward in the pipeline with the day it got there; stages passed over are
 * recorded with the same day (a target that signs an MOU after one meeting has "interested" and
 * "negotiating" too), so every count by stage agrees. Backward or standing still: 409. Audited.
 */
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError, invalidField } from '../../../server/errors.ts';
import { withJosa } from '../../../server/korean.ts';
import type { SessionUser } from '../../accounts/service.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { seoulDate } from '../../plan/seoul-time.ts';
import type { TargetSchema } from './api-schema.ts';
import { attractionStageDates, attractionTargets } from './schema.ts';
import { ATTRACTION_STAGE_LABELS, ATTRACTION_STAGES, type AttractionStage, attractionStageIndex } from './stages.ts';
import { getTarget, lockTarget } from './targets.ts';

export async function moveTarget(
  db: Executor,
  actor: Actor,
  user: SessionUser,
  id: number,
  move: { stage: AttractionStage; reachedOn: string },
): Promise<z.infer<typeof TargetSchema>> {
  return inTransaction(db, async (tx) => {
    const target = await lockTarget(tx, id);
    const from = attractionStageIndex(target.stage);
    const to = attractionStageIndex(move.stage);
    if (to <= from) {
      const cur = ATTRACTION_STAGE_LABELS[target.stage];
      const want = ATTRACTION_STAGE_LABELS[move.stage];
      throw new AppError(
        'ATTRACTION_STAGE_ORDER',
        to === from
          ? { ko: `이미 ${withJosa(cur.ko, '으로/로')} 기록되어 있습니다.`, en: `The institution is already at ${cur.en}.` }
          : {
              ko: `단계는 앞으로만 옮길 수 있습니다. 지금 단계(${cur.ko})에서 ${withJosa(want.ko, '으로/로')} 되돌릴 수 없습니다.`,
              en: `Stages only move forward: the institution is at ${cur.en} and cannot go back to ${want.en}.`,
            },
        [{ field: 'stage', message: { ko: `지금 단계: ${cur.ko}`, en: `Current stage: ${cur.en}` } }],
      );
    }
    if (move.reachedOn > seoulDate(new Date())) throw invalidField('reachedOn', '오늘 이후의 날짜는 기록할 수 없습니다.', 'The day cannot be after today.');
    const [last] = await tx
      .select({ reachedOn: sql<string>`max(${attractionStageDates.reachedOn})::text` })
      .from(attractionStageDates)
      .where(eq(attractionStageDates.targetId, id));
    if (last?.reachedOn && move.reachedOn < last.reachedOn) {
      throw invalidField('reachedOn', `지금 단계의 날짜(${last.reachedOn})보다 이를 수 없습니다.`, `The day cannot be before the current stage's (${last.reachedOn}).`);
    }
    const passed = ATTRACTION_STAGES.slice(from + 1, to + 1);
    await tx
      .insert(attractionStageDates)
      .values(passed.map((stage) => ({ targetId: id, stage, reachedOn: move.reachedOn, recordedBy: user.id })))
      .onConflictDoNothing();
    await tx.update(attractionTargets).set({ stage: move.stage, updatedAt: new Date() }).where(eq(attractionTargets.id, id));
    await recordAudit(tx, actor, {
      action: 'attraction.stage',
      entity: 'attraction_target',
      entityId: id,
      before: { stage: target.stage },
      after: { stage: move.stage, reachedOn: move.reachedOn, passed },
    });
    return getTarget(tx, id);
  });
}
