/**
 * The pipeline in figures: the staff funnel by stage and quarter, the public counts, and the
 * plan measures "MOUs signed" and "offices opened" (by the day the stage was reached, Seoul).
 */
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../../db/executor.ts';
import { registerMeasure } from '../../plan/measures.ts';
import { quarterDates, seoulDate } from '../../plan/seoul-time.ts';
import type { AttractionPublicSchema, FunnelSchema } from './api-schema.ts';
import { attractionStageDates, attractionSupport, attractionTargets } from './schema.ts';
import { ATTRACTION_STAGE_LABELS, ATTRACTION_STAGES, type AttractionStage } from './stages.ts';

async function reachedIn(db: Executor, stage: AttractionStage, from: string, to: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(attractionStageDates)
    .where(and(eq(attractionStageDates.stage, stage), gte(attractionStageDates.reachedOn, from), lt(attractionStageDates.reachedOn, to)));
  return Number(row?.n ?? 0);
}

registerMeasure({
  key: 'cooperation.mous_signed',
  label: { ko: '금융기관 업무협약(MOU) 체결 수', en: 'MOUs signed with financial institutions' },
  unit: '건',
  measure: (db, { from, to }) => reachedIn(db, 'mou', seoulDate(from), seoulDate(to)),
});

registerMeasure({
  key: 'cooperation.offices_opened',
  label: { ko: '금융기관 사무소 개소 수', en: 'Financial institution offices opened' },
  unit: '개소',
  measure: (db, { from, to }) => reachedIn(db, 'office_opened', seoulDate(from), seoulDate(to)),
});

export async function attractionFunnel(db: Executor, year: number): Promise<z.infer<typeof FunnelSchema>> {
  const current = await db.select({ stage: attractionTargets.stage, n: sql<number>`count(*)::int` }).from(attractionTargets).groupBy(attractionTargets.stage);
  const reached = await db.select({ stage: attractionStageDates.stage, n: sql<number>`count(*)::int` }).from(attractionStageDates).groupBy(attractionStageDates.stage);
  const { from } = quarterDates(year, 1);
  const { to } = quarterDates(year, 4);
  const dated = await db
    .select({ stage: attractionStageDates.stage, reachedOn: attractionStageDates.reachedOn })
    .from(attractionStageDates)
    .where(and(gte(attractionStageDates.reachedOn, from), lt(attractionStageDates.reachedOn, to)));
  const [support] = await db
    .select({ won: sql<string>`coalesce(sum(${attractionSupport.amountWon}), 0)::text` })
    .from(attractionSupport)
    .where(and(gte(attractionSupport.offeredOn, from), lt(attractionSupport.offeredOn, to)));
  const count = (list: { stage: AttractionStage; n: number }[], s: AttractionStage) => Number(list.find((r) => r.stage === s)?.n ?? 0);
  return {
    year,
    stages: ATTRACTION_STAGES.map((stage) => {
      const byQuarter = [0, 0, 0, 0];
      for (const d of dated) if (d.stage === stage) byQuarter[Math.floor((Number(d.reachedOn.slice(5, 7)) - 1) / 3)]! += 1;
      return { stage, label: ATTRACTION_STAGE_LABELS[stage], current: count(current, stage), reached: count(reached, stage), byQuarter };
    }),
    supportOfferedWon: Number(support?.won ?? 0),
  };
}

/** What the public sees: counts, and the names of institutions that signed and agreed to be named. */
export async function attractionPublic(db: Executor): Promise<z.infer<typeof AttractionPublicSchema>> {
  const counts = await db
    .select({ stage: attractionStageDates.stage, n: sql<number>`count(*)::int` })
    .from(attractionStageDates)
    .where(inArray(attractionStageDates.stage, ['mou', 'office_opened']))
    .groupBy(attractionStageDates.stage);
  const named = await db
    .select({ nameKo: attractionTargets.nameKo, nameEn: attractionTargets.nameEn, kind: attractionTargets.kind, stage: attractionTargets.stage })
    .from(attractionTargets)
    .where(and(eq(attractionTargets.announce, true), inArray(attractionTargets.stage, ['mou', 'office_opened'])))
    .orderBy(asc(attractionTargets.nameKo), asc(attractionTargets.id));
  return {
    mousSigned: Number(counts.find((c) => c.stage === 'mou')?.n ?? 0),
    officesOpened: Number(counts.find((c) => c.stage === 'office_opened')?.n ?? 0),
    announced: named.map((r) => ({ name: { ko: r.nameKo, en: r.nameEn }, kind: r.kind, stage: r.stage })),
  };
}
