/**
 * Opinions received during the legislative notice (입법예고 의견) and their answers. Only the kind
 * of sender is kept (citizen, organisation …), never a name or contact. Recorded and answered
 * while the round is in the notice stage (409 ORDINANCE_NOT_IN_NOTICE otherwise). Audited.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError, invalidField, notFound } from '../../../server/errors.ts';
import type { SessionUser } from '../../accounts/service.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { seoulDate } from '../../plan/seoul-time.ts';
import type { OpinionSchema } from './api-schema.ts';
import { opinionView } from './presenters.ts';
import { lockRound, type RoundRow } from './read.ts';
import { ordinanceOpinions } from './schema.ts';
import type { OpinionSource } from './stages.ts';

type Opinion = z.infer<typeof OpinionSchema>;

function assertInNotice(round: RoundRow): void {
  if (round.stage !== 'legislative_notice') {
    throw new AppError('ORDINANCE_NOT_IN_NOTICE', {
      ko: '입법예고 단계에서만 의견을 기록하고 답변할 수 있습니다.',
      en: 'Opinions are recorded and answered during the legislative notice stage only.',
    });
  }
}

export async function addOpinion(db: Executor, actor: Actor, roundId: number, input: { source: OpinionSource; receivedOn: string; summary: string }): Promise<Opinion> {
  return inTransaction(db, async (tx) => {
    const round = await lockRound(tx, roundId);
    assertInNotice(round);
    if (round.noticeStartsOn && (input.receivedOn < round.noticeStartsOn || input.receivedOn > seoulDate(new Date()))) {
      throw invalidField(
        'receivedOn',
        `입법예고 시작일(${round.noticeStartsOn})과 오늘 사이의 날짜여야 합니다.`,
        `Must be between the notice's first day (${round.noticeStartsOn}) and today.`,
      );
    }
    const [row] = await tx.insert(ordinanceOpinions).values({ roundId, source: input.source, receivedOn: input.receivedOn, summary: input.summary }).returning();
    const view = opinionView(row!);
    await recordAudit(tx, actor, { action: 'ordinance.opinion', entity: 'ordinance_opinion', entityId: row!.id, after: view });
    return view;
  });
}

export async function answerOpinion(db: Executor, actor: Actor, user: SessionUser, id: number, input: { answer: string; accepted: boolean; answeredOn: string }): Promise<Opinion> {
  return inTransaction(db, async (tx) => {
    const [found] = await tx.select({ roundId: ordinanceOpinions.roundId }).from(ordinanceOpinions).where(eq(ordinanceOpinions.id, id));
    if (!found) throw notFound({ ko: `입법예고 의견 ${id}`, en: `Opinion ${id}` });
    const round = await lockRound(tx, found.roundId);
    assertInNotice(round);
    const [before] = await tx.select().from(ordinanceOpinions).where(eq(ordinanceOpinions.id, id)).for('update');
    if (input.answeredOn < before!.receivedOn || input.answeredOn > seoulDate(new Date())) {
      throw invalidField(
        'answeredOn',
        `의견을 받은 날(${before!.receivedOn})과 오늘 사이의 날짜여야 합니다.`,
        `Must be between the day the opinion came (${before!.receivedOn}) and today.`,
      );
    }
    const [after] = await tx
      .update(ordinanceOpinions)
      .set({ answer: input.answer, accepted: input.accepted, answeredOn: input.answeredOn, answeredBy: user.id })
      .where(eq(ordinanceOpinions.id, id))
      .returning();
    const view = opinionView(after!);
    await recordAudit(tx, actor, { action: 'ordinance.answer', entity: 'ordinance_opinion', entityId: id, before: opinionView(before!), after: view });
    return view;
  });
}
