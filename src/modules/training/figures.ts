/**
 * Training figures: per cohort, track and year (the cohort's start, Asia/Seoul) — trainees
 * selected, completed (a valid certificate), placed, followed up at six months and retained — and
 * the rates between them; and the plan measures "completions" and "placements".
 */
import { and, asc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/executor.ts';
import { percent } from '../plan/figures.ts';
import { registerMeasure } from '../plan/measures.ts';
import { seoulDate } from '../plan/seoul-time.ts';
import type { TRACKS, TrainingFigures } from './api-schema.ts';
import { trainingApplications, trainingCertificates, trainingCohorts, trainingCourses, trainingPlacements } from './schema.ts';

// "분야별 전문인력 양성": graduates whose certificate (not revoked) dates from the action's period.
registerMeasure({
  key: 'training.completions',
  label: { ko: '금융전문인력 양성과정 수료생 수', en: 'Professional training graduates' },
  unit: '명',
  measure: async (db, { from, to }) => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingCertificates)
      .where(and(gte(trainingCertificates.completedOn, seoulDate(from)), lt(trainingCertificates.completedOn, seoulDate(to)), isNull(trainingCertificates.revokedAt)));
    return Number(row!.n);
  },
});

// "일자리 연계": graduates placed in a job that started in the action's period.
registerMeasure({
  key: 'training.placements',
  label: { ko: '금융전문인력 일자리 연계(취업) 인원', en: 'Graduates placed in jobs' },
  unit: '명',
  measure: async (db, { from, to }) => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingPlacements)
      .where(and(gte(trainingPlacements.startedOn, seoulDate(from)), lt(trainingPlacements.startedOn, seoulDate(to))));
    return Number(row!.n);
  },
});

interface Counts {
  selected: number;
  completed: number;
  placed: number;
  followedUp: number;
  retained: number;
}

const rates = (c: Counts) => ({
  ...c,
  completionRate: percent(c.completed, c.selected),
  placementRate: percent(c.placed, c.completed),
  retentionRate: percent(c.retained, c.followedUp),
});

const add = (a: Counts, b: Counts): Counts => ({
  selected: a.selected + b.selected,
  completed: a.completed + b.completed,
  placed: a.placed + b.placed,
  followedUp: a.followedUp + b.followedUp,
  retained: a.retained + b.retained,
});
const ZERO: Counts = { selected: 0, completed: 0, placed: 0, followedUp: 0, retained: 0 };

export async function trainingFigures(db: Executor, year?: number): Promise<TrainingFigures> {
  const rows = await db
    .select({
      cohortId: trainingCohorts.id,
      cohort: trainingCohorts.name,
      startsOn: trainingCohorts.startsOn,
      titleKo: trainingCourses.titleKo,
      titleEn: trainingCourses.titleEn,
      track: trainingCourses.track,
      selected: sql<number>`(select count(*)::int from ${trainingApplications} a where a.cohort_id = ${trainingCohorts.id} and a.status = 'selected')`,
      completed: sql<number>`(select count(*)::int from ${trainingCertificates} c join ${trainingApplications} a on a.id = c.application_id where a.cohort_id = ${trainingCohorts.id} and c.revoked_at is null)`,
      placed: sql<number>`(select count(*)::int from ${trainingPlacements} p join ${trainingApplications} a on a.id = p.application_id where a.cohort_id = ${trainingCohorts.id})`,
      followedUp: sql<number>`(select count(*)::int from ${trainingPlacements} p join ${trainingApplications} a on a.id = p.application_id where a.cohort_id = ${trainingCohorts.id} and p.retained is not null)`,
      retained: sql<number>`(select count(*)::int from ${trainingPlacements} p join ${trainingApplications} a on a.id = p.application_id where a.cohort_id = ${trainingCohorts.id} and p.retained)`,
    })
    .from(trainingCohorts)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCohorts.courseId))
    .where(year === undefined ? undefined : and(gte(trainingCohorts.startsOn, `${year}-01-01`), lt(trainingCohorts.startsOn, `${year + 1}-01-01`)))
    .orderBy(asc(trainingCohorts.startsOn), asc(trainingCohorts.id));
  const byTrack = new Map<(typeof TRACKS)[number], Counts>();
  const byYear = new Map<number, Counts>();
  let total = ZERO;
  const byCohort = rows.map((r) => {
    const c: Counts = { selected: Number(r.selected), completed: Number(r.completed), placed: Number(r.placed), followedUp: Number(r.followedUp), retained: Number(r.retained) };
    const y = Number(r.startsOn.slice(0, 4));
    byTrack.set(r.track, add(byTrack.get(r.track) ?? ZERO, c));
    byYear.set(y, add(byYear.get(y) ?? ZERO, c));
    total = add(total, c);
    return { cohortId: r.cohortId, cohort: r.cohort, course: { ko: r.titleKo, en: r.titleEn }, track: r.track, year: y, ...rates(c) };
  });
  return {
    year: year ?? null,
    byCohort,
    byTrack: [...byTrack].map(([track, c]) => ({ track, ...rates(c) })),
    byYear: [...byYear].sort((a, b) => a[0] - b[0]).map(([y, c]) => ({ year: y, ...rates(c) })),
    total: rates(total),
  };
}
