/** The academy's figures for a year, and the plan measure "sessions held". */
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../../db/executor.ts';
import { percent } from '../../plan/figures.ts';
import { registerMeasure } from '../../plan/measures.ts';
import { quarterOf, quarterRange } from '../../plan/seoul-time.ts';
import { capacityPools, registrations } from '../../registration/schema.ts';
import type { FiguresSchema } from '../academy-api-schema.ts';
import { academySessions, surveyResponses } from '../schema.ts';

// The plan's "전주시 금융아카데미 개최(2회)": sessions held (not cancelled, ended) that started in the period.
registerMeasure({
  key: 'education.academy_sessions_held',
  label: { ko: '금융아카데미 개최 횟수', en: 'Financial academy sessions held' },
  unit: '회',
  measure: async (db, { from, to }) => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(academySessions)
      .innerJoin(capacityPools, eq(capacityPools.id, academySessions.poolId))
      .where(and(gte(academySessions.startsAt, from), lt(academySessions.startsAt, to), lt(academySessions.endsAt, new Date()), sql`${capacityPools.cancelledAt} is null`));
    return Number(row!.n);
  },
});

type Figures = z.infer<typeof FiguresSchema>;

const mean2 = (sum: number, n: number) => (n === 0 ? null : Math.round((sum / n) * 100) / 100);

/** Registered (confirmed, incl. checked in), attended, attendance rate and satisfaction for a year (Asia/Seoul). */
export async function academyFigures(db: Executor, year: number): Promise<Figures> {
  const { from } = quarterRange(year, 1);
  const { to } = quarterRange(year, 4);
  const rows = await db
    .select({
      id: academySessions.id,
      titleKo: academySessions.titleKo,
      titleEn: academySessions.titleEn,
      startsAt: academySessions.startsAt,
      endsAt: academySessions.endsAt,
      cancelledAt: capacityPools.cancelledAt,
      registered: sql<number>`(select count(*)::int from ${registrations} r where r.pool_id = ${capacityPools.id} and r.status = 'confirmed')`,
      attended: sql<number>`(select count(*)::int from ${registrations} r where r.pool_id = ${capacityPools.id} and r.checked_in_at is not null)`,
      ratingSum: sql<number>`(select coalesce(sum(sr.rating), 0)::int from ${surveyResponses} sr join ${registrations} r on r.id = sr.registration_id where r.pool_id = ${capacityPools.id})`,
      responses: sql<number>`(select count(*)::int from ${surveyResponses} sr join ${registrations} r on r.id = sr.registration_id where r.pool_id = ${capacityPools.id})`,
    })
    .from(academySessions)
    .innerJoin(capacityPools, eq(capacityPools.id, academySessions.poolId))
    .where(and(gte(academySessions.startsAt, from), lt(academySessions.startsAt, to)))
    .orderBy(asc(academySessions.startsAt), asc(academySessions.id));
  const now = new Date();
  const sessions = rows.map((r) => {
    const registered = Number(r.registered);
    const attended = Number(r.attended);
    const responses = Number(r.responses);
    return {
      id: r.id,
      title: { ko: r.titleKo, en: r.titleEn },
      startsAt: r.startsAt.toISOString(),
      cancelled: r.cancelledAt !== null,
      held: r.cancelledAt === null && r.endsAt < now,
      registered,
      attended,
      attendanceRate: percent(attended, registered),
      satisfaction: mean2(Number(r.ratingSum), responses),
      responses,
      quarter: quarterOf(r.startsAt).quarter,
      ratingSum: Number(r.ratingSum),
    };
  });
  const roll = (list: typeof sessions) => {
    const live = list.filter((s) => !s.cancelled);
    const registered = live.reduce((a, s) => a + s.registered, 0);
    const attended = live.reduce((a, s) => a + s.attended, 0);
    const responses = live.reduce((a, s) => a + s.responses, 0);
    const ratingSum = live.reduce((a, s) => a + s.ratingSum, 0);
    return {
      sessions: live.length,
      held: live.filter((s) => s.held).length,
      registered,
      attended,
      attendanceRate: percent(attended, registered),
      satisfaction: mean2(ratingSum, responses),
      responses,
    };
  };
  return {
    year: { year, ...roll(sessions) },
    byQuarter: [1, 2, 3, 4].map((q) => ({ quarter: q, ...roll(sessions.filter((s) => s.quarter === q)) })),
    sessions: sessions.map(({ quarter: _q, ratingSum: _r, ...s }) => s),
  };
}
