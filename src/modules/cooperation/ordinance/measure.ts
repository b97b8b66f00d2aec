/**
 * The plan measure "ordinance stage": how far the enactment (round 1) had come by the end of the
 * action's period, as the stage's index — 0 drafting … 7 in force (bind with target 7 and the
 * action reads 100 % once the ordinance is in force). Stages are cumulative: the period's start
 * does not matter.
 */
import { and, asc, eq, lt } from 'drizzle-orm';
import { registerMeasure } from '../../plan/measures.ts';
import { seoulDate } from '../../plan/seoul-time.ts';
import { ordinanceRounds, ordinances, ordinanceStageDates } from './schema.ts';
import { type OrdinanceStage, stageIndex } from './stages.ts';

registerMeasure({
  key: 'cooperation.ordinance_stage',
  label: { ko: '조례 제정 단계 (0 조례안 마련 … 7 시행)', en: 'Ordinance stage (0 drafting … 7 in force)' },
  unit: '단계',
  measure: async (db, { to }) => {
    const [first] = await db.select({ id: ordinances.id }).from(ordinances).orderBy(asc(ordinances.id)).limit(1);
    if (!first) return 0;
    const reached = await db
      .select({ stage: ordinanceStageDates.stage })
      .from(ordinanceStageDates)
      .innerJoin(ordinanceRounds, eq(ordinanceRounds.id, ordinanceStageDates.roundId))
      .where(and(eq(ordinanceRounds.ordinanceId, first.id), eq(ordinanceRounds.round, 1), lt(ordinanceStageDates.reachedOn, seoulDate(to))));
    return reached.reduce((max, r) => Math.max(max, stageIndex(r.stage as OrdinanceStage)), 0);
  },
});
