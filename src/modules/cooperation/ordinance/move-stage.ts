/**
 * Moves a round to its next stage, with the day it was reached: only forward, one stage at a
 * time (409 ORDINANCE_STAGE_ORDER otherwise). The legislative notice needs its period; leaving
 * it needs every opinion answered (409) and a day after the notice ended. Audited.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError, invalidField } from '../../../server/errors.ts';
import { withJosa } from '../../../server/korean.ts';
import type { SessionUser } from '../../accounts/service.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { seoulDate } from '../../plan/seoul-time.ts';
import { lockRound } from './read.ts';
import { ordinanceOpinions, ordinanceRounds, ordinanceStageDates } from './schema.ts';
import { ORDINANCE_STAGE_LABELS, ORDINANCE_STAGES, type OrdinanceStage, stageIndex } from './stages.ts';

export interface StageMove {
  stage: OrdinanceStage;
  reachedOn: string;
  noticeEndsOn?: string;
}

const label = (s: OrdinanceStage) => ORDINANCE_STAGE_LABELS[s];

export async function moveStage(db: Executor, actor: Actor, user: SessionUser, roundId: number, move: StageMove): Promise<void> {
  await inTransaction(db, async (tx) => {
    const round = await lockRound(tx, roundId);
    const from = stageIndex(round.stage);
    const to = stageIndex(move.stage);
    const next = ORDINANCE_STAGES[from + 1];
    if (to !== from + 1) {
      const cur = label(round.stage);
      const want = label(move.stage);
      throw new AppError(
        'ORDINANCE_STAGE_ORDER',
        next === undefined
          ? {
              ko: `이 차수는 이미 마지막 단계(${cur.ko})입니다. 조례를 고치려면 개정 차수를 시작하십시오.`,
              en: `This round is already at its last stage (${cur.en}). Start an amendment round to change the ordinance.`,
            }
          : to <= from
            ? {
                ko: `단계는 앞으로만 옮길 수 있습니다. 지금 단계(${cur.ko})에서 ${withJosa(want.ko, '으로/로')} 되돌릴 수 없습니다.`,
                en: `Stages only move forward: the round is at ${cur.en} and cannot go back to ${want.en}.`,
              }
            : {
                ko: `단계는 차례대로 옮깁니다. ${cur.ko} 다음 단계는 ${label(next).ko}입니다.`,
                en: `Stages move in order: after ${cur.en} comes ${label(next).en}.`,
              },
        [
          {
            field: 'stage',
            message:
              next === undefined ? { ko: '다음 단계가 없습니다.', en: 'There is no next stage.' } : { ko: `다음 단계: ${label(next).ko}`, en: `Next stage: ${label(next).en}` },
          },
        ],
      );
    }
    const today = seoulDate(new Date());
    if (move.reachedOn > today) throw invalidField('reachedOn', '오늘 이후의 날짜는 기록할 수 없습니다.', 'The day cannot be after today.');
    const [last] = await tx
      .select({ reachedOn: sql<string>`max(${ordinanceStageDates.reachedOn})::text` })
      .from(ordinanceStageDates)
      .where(eq(ordinanceStageDates.roundId, roundId));
    if (last?.reachedOn && move.reachedOn < last.reachedOn) {
      throw invalidField('reachedOn', `앞 단계의 날짜(${last.reachedOn})보다 이를 수 없습니다.`, `The day cannot be before the previous stage's (${last.reachedOn}).`);
    }
    const set: Partial<typeof ordinanceRounds.$inferInsert> = { stage: move.stage, updatedAt: new Date() };
    if (move.stage === 'legislative_notice') {
      if (!move.noticeEndsOn) throw invalidField('noticeEndsOn', '입법예고 기간의 마지막 날을 입력하십시오.', 'Enter the last day of the notice period.');
      if (move.noticeEndsOn < move.reachedOn) throw invalidField('noticeEndsOn', '입법예고 마지막 날은 시작일보다 이를 수 없습니다.', 'The notice cannot end before it starts.');
      set.noticeStartsOn = move.reachedOn;
      set.noticeEndsOn = move.noticeEndsOn;
    } else if (move.noticeEndsOn !== undefined) {
      throw invalidField('noticeEndsOn', '입법예고 단계에서만 입력합니다.', 'Only for the legislative notice stage.');
    }
    if (round.stage === 'legislative_notice') {
      const [open] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(ordinanceOpinions)
        .where(and(eq(ordinanceOpinions.roundId, roundId), isNull(ordinanceOpinions.answer)));
      const n = Number(open?.n ?? 0);
      if (n > 0) {
        throw new AppError('ORDINANCE_OPINIONS_UNANSWERED', {
          ko: `답변하지 않은 입법예고 의견이 ${n}건 있습니다. 모든 의견에 답변한 뒤 다음 단계로 옮기십시오.`,
          en: `${n} opinion(s) from the legislative notice have no answer yet. Answer every opinion before moving on.`,
        });
      }
      if (round.noticeEndsOn && move.reachedOn <= round.noticeEndsOn) {
        throw invalidField('reachedOn', `입법예고 기간(${round.noticeEndsOn}까지)이 끝난 뒤여야 합니다.`, `Must be after the notice period ends (${round.noticeEndsOn}).`);
      }
    }
    await tx.update(ordinanceRounds).set(set).where(eq(ordinanceRounds.id, roundId));
    await tx.insert(ordinanceStageDates).values({ roundId, stage: move.stage, reachedOn: move.reachedOn, recordedBy: user.id });
    await recordAudit(tx, actor, {
      action: 'ordinance.stage',
      entity: 'ordinance_round',
      entityId: roundId,
      before: { stage: round.stage },
      after: { stage: move.stage, reachedOn: move.reachedOn, ...(set.noticeEndsOn ? { notice: { startsOn: set.noticeStartsOn, endsOn: set.noticeEndsOn } } : {}) },
    });
  });
}
