/**
 * The plan's four facilities (생활 인프라: 혁신동 주민센터, 복합혁신센터, 혁신도시 다목적 체육센터,
 * 어린이(가족) 친화공간), present from the first start at the planning stage with the five stage
 * milestones (dates left for staff), each linked to the plan action that inspects them ("혁신도시
 * 다목적 체육센터 등 건립 추진상황 점검"). Idempotent: a facility already there (by key) is left alone.
 */
import { and, eq, like } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../audit/service.ts';
import { actions, plans, scheduleEntries } from '../../plan/schema.ts';
import { facilities, facilityMilestones } from '../schema.ts';

const PLAN_REF = { category: '도시', number: 10 } as const;
const ACTION_TEXT = '건립 추진상황 점검';

const SEED_FACILITIES = [
  { key: 'community-center', ko: '혁신동 주민센터', en: 'Hyeoksin-dong Community Service Center' },
  { key: 'innovation-complex', ko: '복합혁신센터', en: 'Innovation Complex Center' },
  { key: 'sports-center', ko: '혁신도시 다목적 체육센터', en: 'Innovation City Multipurpose Sports Center' },
  { key: 'family-space', ko: '어린이(가족) 친화공간', en: 'Child- and Family-Friendly Space' },
] as const;

const STAGE_MILESTONES = [
  { ko: '기본계획 수립', en: 'Master plan' },
  { ko: '설계', en: 'Design' },
  { ko: '착공', en: 'Construction start' },
  { ko: '준공', en: 'Completion' },
  { ko: '개관', en: 'Opening' },
] as const;

async function findPlanAction(db: Executor): Promise<number | null> {
  const [row] = await db
    .select({ id: actions.id })
    .from(actions)
    .innerJoin(scheduleEntries, eq(scheduleEntries.id, actions.entryId))
    .innerJoin(plans, eq(plans.id, scheduleEntries.planId))
    .where(and(eq(plans.category, PLAN_REF.category), eq(plans.number, PLAN_REF.number), like(actions.text, `%${ACTION_TEXT}%`)))
    .orderBy(actions.id)
    .limit(1);
  return row?.id ?? null;
}

/** Inserts the missing facilities; returns the ids of those created. */
export async function seedFacilities(db: Executor): Promise<number[]> {
  const planActionId = await findPlanAction(db);
  const created: number[] = [];
  for (const [position, f] of SEED_FACILITIES.entries()) {
    const id = await inTransaction(db, async (tx) => {
      const [row] = await tx
        .insert(facilities)
        .values({
          key: f.key,
          nameKo: f.ko,
          nameEn: f.en,
          descriptionKo: '전주시 실천계획 1단계 "생활 인프라 조성" 사업입니다.',
          descriptionEn: 'Part of phase 1 of the plan, "building living infrastructure".',
          position,
          planActionId,
        })
        .onConflictDoNothing({ target: facilities.key })
        .returning({ id: facilities.id });
      if (!row) return null;
      await tx.insert(facilityMilestones).values(STAGE_MILESTONES.map((m, i) => ({ facilityId: row.id, position: i, nameKo: m.ko, nameEn: m.en })));
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'facility.seed', entity: 'facility', entityId: row.id, after: { key: f.key, planActionId } });
      return row.id;
    });
    if (id !== null) created.push(id);
  }
  return created;
}
