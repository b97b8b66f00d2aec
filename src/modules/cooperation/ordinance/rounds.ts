/** Starts an amendment (개정): a new round in drafting, once the latest round is in force. Audited. */
import { desc, eq } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError, invalidField } from '../../../server/errors.ts';
import type { SessionUser } from '../../accounts/service.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { seoulDate } from '../../plan/seoul-time.ts';
import { loadOrdinance } from './read.ts';
import { ordinanceRounds, ordinances, ordinanceStageDates } from './schema.ts';

export interface RoundInput {
  summary: { ko: string; en?: string };
  startedOn: string;
}

export async function startAmendment(db: Executor, actor: Actor, user: SessionUser, input: RoundInput): Promise<number> {
  return inTransaction(db, async (tx) => {
    const { ordinance } = await loadOrdinance(tx);
    // The ordinance row is the lock: two amendments started at once cannot both pass the check.
    await tx.select({ id: ordinances.id }).from(ordinances).where(eq(ordinances.id, ordinance.id)).for('update');
    const [latest] = await tx.select().from(ordinanceRounds).where(eq(ordinanceRounds.ordinanceId, ordinance.id)).orderBy(desc(ordinanceRounds.round)).limit(1);
    if (latest && latest.stage !== 'in_force') {
      throw new AppError('ORDINANCE_ROUND_OPEN', {
        ko: `${latest.round}차 추진이 아직 시행 단계에 이르지 않았습니다. 개정은 시행 뒤에 시작합니다.`,
        en: `Round ${latest.round} is not in force yet. An amendment starts once the ordinance is in force.`,
      });
    }
    if (input.startedOn > seoulDate(new Date())) throw invalidField('startedOn', '오늘 이후의 날짜는 기록할 수 없습니다.', 'The day cannot be after today.');
    const round = (latest?.round ?? 0) + 1;
    const [row] = await tx
      .insert(ordinanceRounds)
      .values({ ordinanceId: ordinance.id, round, summaryKo: input.summary.ko, summaryEn: input.summary.en ?? null })
      .returning();
    await tx.insert(ordinanceStageDates).values({ roundId: row!.id, stage: 'drafting', reachedOn: input.startedOn, recordedBy: user.id });
    await recordAudit(tx, actor, {
      action: 'ordinance.round',
      entity: 'ordinance_round',
      entityId: row!.id,
      after: { ordinanceId: ordinance.id, round, summary: input.summary, stage: 'drafting', reachedOn: input.startedOn },
    });
    return row!.id;
  });
}
