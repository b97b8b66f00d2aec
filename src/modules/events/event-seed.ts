/**
 * The plan's GENIE Forum editions (지니포럼), present from the first start: dated by the plan's
 * quarter (first day, Seoul, one-day placeholder, dateApproximate), unpublished until staff
 * complete them, each linked to the plan action that names it. Idempotent: an edition already
 * there (kind forum × edition) is left alone.
 */
import { and, eq, like } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/service.ts';
import { actions, plans, scheduleEntries } from '../plan/schema.ts';
import { quarterRange } from '../plan/seoul-time.ts';
import { events } from './schema.ts';

/** The plan this module seeds from: 도시 No. 10 (전북금융중심지 지정을 위한 협력 및 기반 구축). */
const PLAN_REF = { category: '도시', number: 10 } as const;

const ORDINAL_EN: Record<number, string> = { 3: '3rd', 4: '4th', 5: '5th', 6: '6th' };

const GENIE_EDITIONS = [
  { edition: 3, year: 2022, quarter: 3, participation: true },
  { edition: 4, year: 2023, quarter: 3, participation: false },
  { edition: 5, year: 2024, quarter: 3, participation: false },
  { edition: 6, year: 2025, quarter: 4, participation: false },
] as const;

/** Read-only look-up of the plan action naming the edition ("제N회 지니포럼"); null when absent. */
async function findPlanAction(db: Executor, edition: number): Promise<number | null> {
  const [row] = await db
    .select({ id: actions.id })
    .from(actions)
    .innerJoin(scheduleEntries, eq(scheduleEntries.id, actions.entryId))
    .innerJoin(plans, eq(plans.id, scheduleEntries.planId))
    .where(and(eq(plans.category, PLAN_REF.category), eq(plans.number, PLAN_REF.number), like(actions.text, `%제${edition}회 지니포럼%`)))
    .orderBy(actions.id)
    .limit(1);
  return row?.id ?? null;
}

/** Inserts the missing editions; returns the ids of those created. */
export async function seedGenieForumEditions(db: Executor): Promise<number[]> {
  const created: number[] = [];
  for (const ed of GENIE_EDITIONS) {
    const planActionId = await findPlanAction(db, ed.edition);
    const { from } = quarterRange(ed.year, ed.quarter);
    const day = new Date(from.getTime() + 24 * 3_600_000);
    const id = await inTransaction(db, async (tx) => {
      const [row] = await tx
        .insert(events)
        .values({
          kind: 'forum',
          edition: ed.edition,
          titleKo: `제${ed.edition}회 지니포럼 (GENIE Forum)`,
          titleEn: `The ${ORDINAL_EN[ed.edition]} GENIE Forum (Global Emerging Network In Economy forum)`,
          descriptionKo: ed.participation
            ? `전북국제컨퍼런스 지니포럼에 전주시가 참여합니다. 일정은 실천계획의 ${ed.year}년 ${ed.quarter}분기 기준입니다.`
            : `전북국제금융컨퍼런스. 일정은 실천계획의 ${ed.year}년 ${ed.quarter}분기 기준입니다.`,
          descriptionEn: ed.participation
            ? `Jeonju City takes part in the GENIE Forum, the Jeonbuk international conference. Dated by the plan's quarter: Q${ed.quarter} ${ed.year}.`
            : `The Jeonbuk international financial conference. Dated by the plan's quarter: Q${ed.quarter} ${ed.year}.`,
          startsAt: from,
          endsAt: day,
          dateApproximate: true,
          published: false,
          planActionId,
        })
        .onConflictDoNothing({ target: [events.kind, events.edition] })
        .returning({ id: events.id });
      if (!row) return null;
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'event.seed', entity: 'event', entityId: row.id, after: { kind: 'forum', edition: ed.edition, planActionId } });
      return row.id;
    });
    if (id !== null) created.push(id);
  }
  return created;
}
