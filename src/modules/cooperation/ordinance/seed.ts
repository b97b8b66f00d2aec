/**
 * The plan's ordinance ("금융산업 육성 및 지원에 관한 조례 제정"), present from the first start with
 * its first round (the enactment) in drafting, linked to the plan line that names it. Idempotent:
 * an ordinance already there is left alone (only linked to the plan line when that is found later).
 */
import { and, asc, eq, isNull, like } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../audit/service.ts';
import { planContents, plans } from '../../plan/schema.ts';
import { ordinanceRounds, ordinances } from './schema.ts';
import { PLAN_ORDINANCE } from './stages.ts';

/** The plan this module seeds from: 도시 No. 10 (전북금융중심지 지정을 위한 협력 및 기반 구축). */
const PLAN_REF = { category: '도시', number: 10 } as const;

async function findPlanLine(db: Executor): Promise<{ planId: number; contentId: number } | null> {
  const [row] = await db
    .select({ planId: plans.id, contentId: planContents.id })
    .from(planContents)
    .innerJoin(plans, eq(plans.id, planContents.planId))
    .where(and(eq(plans.category, PLAN_REF.category), eq(plans.number, PLAN_REF.number), like(planContents.text, `%${PLAN_ORDINANCE.planText}%`)))
    .orderBy(asc(planContents.position))
    .limit(1);
  return row ?? null;
}

/** Adds the ordinance when missing; returns its id when it was created, else null. */
export async function seedOrdinance(db: Executor): Promise<number | null> {
  const line = await findPlanLine(db);
  return inTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(ordinances)
      .values({ titleKo: PLAN_ORDINANCE.titleKo, titleEn: PLAN_ORDINANCE.titleEn, planId: line?.planId ?? null, planContentId: line?.contentId ?? null })
      .onConflictDoNothing({ target: ordinances.titleKo })
      .returning();
    if (!row) {
      if (line) {
        const linked = await tx
          .update(ordinances)
          .set({ planId: line.planId, planContentId: line.contentId })
          .where(and(eq(ordinances.titleKo, PLAN_ORDINANCE.titleKo), isNull(ordinances.planContentId)))
          .returning({ id: ordinances.id });
        for (const l of linked) await recordAudit(tx, SYSTEM_ACTOR, { action: 'ordinance.link_plan', entity: 'ordinance', entityId: l.id, after: line });
      }
      return null;
    }
    const [round] = await tx.insert(ordinanceRounds).values({ ordinanceId: row.id, round: 1 }).returning();
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'ordinance.seed',
      entity: 'ordinance',
      entityId: row.id,
      after: { title: row.titleKo, planId: row.planId, planContentId: row.planContentId, roundId: round!.id, stage: round!.stage },
    });
    return row.id;
  });
}
