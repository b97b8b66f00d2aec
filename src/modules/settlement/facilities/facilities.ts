/** Facilities: the public list and page, the staff page, and staff edits (stage forward only, department, milestones, budget). */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError, notFound } from '../../../server/errors.ts';
import { departments } from '../../accounts/schema.ts';
import type { SessionUser } from '../../accounts/service.ts';
import { ROLE_FORBIDDEN } from '../../../server/auth.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import type { FundingSource } from '../../plan/types.ts';
import { facilityListItem, facilityView, type FacilityParts } from '../presenters.ts';
import { FACILITY_STAGES, facilities, facilityBudgets, facilityInspections, facilityMilestones, inspectionFollowUps, inspectionPhotos } from '../schema.ts';

const facilityNotFound = (id: number) => notFound({ ko: `시설 ${id}`, en: `Facility ${id}` });

/** Officers change only the facilities of their own department (as with plan actions); managers any. */
export function assertCanEditFacility(user: SessionUser, departmentId: number | null): void {
  if (user.role === 'admin' || user.role === 'manager') return;
  if (user.role !== 'officer') throw new AppError('FORBIDDEN', ROLE_FORBIDDEN);
  if (user.departmentId === null || user.departmentId !== departmentId) {
    throw new AppError('OTHER_DEPARTMENT', {
      ko: '다른 부서(또는 담당 부서가 정해지지 않은) 시설은 고칠 수 없습니다.',
      en: 'This facility belongs to another department (or to none): you may not change it.',
    });
  }
}

export async function listFacilities(db: Executor) {
  const rows = await db.select().from(facilities).orderBy(asc(facilities.position), asc(facilities.id));
  const ms = rows.length
    ? await db
        .select()
        .from(facilityMilestones)
        .where(
          inArray(
            facilityMilestones.facilityId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(facilityMilestones.position), asc(facilityMilestones.id))
    : [];
  return {
    items: rows.map((f) =>
      facilityListItem(
        f,
        ms.filter((m) => m.facilityId === f.id),
      ),
    ),
  };
}

async function loadFacility(db: Executor, id: number, lock = false): Promise<FacilityParts> {
  const q = db.select().from(facilities).where(eq(facilities.id, id));
  const [f] = lock ? await q.for('update') : await q;
  if (!f) throw facilityNotFound(id);
  const [department] = f.departmentId
    ? await db.select({ id: departments.id, name: departments.name, nameEn: departments.nameEn }).from(departments).where(eq(departments.id, f.departmentId))
    : [];
  const milestones = await db.select().from(facilityMilestones).where(eq(facilityMilestones.facilityId, id)).orderBy(asc(facilityMilestones.position), asc(facilityMilestones.id));
  const budget = await db.select().from(facilityBudgets).where(eq(facilityBudgets.facilityId, id)).orderBy(asc(facilityBudgets.source));
  const inspections = await db
    .select()
    .from(facilityInspections)
    .where(eq(facilityInspections.facilityId, id))
    .orderBy(asc(facilityInspections.heldOn), asc(facilityInspections.id));
  const ids = inspections.map((i) => i.id);
  const photos = ids.length ? await db.select().from(inspectionPhotos).where(inArray(inspectionPhotos.inspectionId, ids)).orderBy(asc(inspectionPhotos.id)) : [];
  const followUps = ids.length ? await db.select().from(inspectionFollowUps).where(inArray(inspectionFollowUps.inspectionId, ids)).orderBy(asc(inspectionFollowUps.id)) : [];
  return {
    f,
    department: department ?? null,
    milestones,
    budget,
    inspections: inspections.map((i) => ({ i, photos: photos.filter((p) => p.inspectionId === i.id), followUps: followUps.filter((u) => u.inspectionId === i.id) })),
  };
}

export const facilityPage = async (db: Executor, id: number, audience: 'public' | 'staff') => facilityView(await loadFacility(db, id), audience);

export async function updateFacility(db: Executor, actor: Actor, user: SessionUser, id: number, patch: { stage?: (typeof FACILITY_STAGES)[number]; departmentId?: number | null }) {
  return inTransaction(db, async (tx) => {
    const { f } = await loadFacility(tx, id, true);
    assertCanEditFacility(user, f.departmentId);
    if (patch.departmentId !== undefined && patch.departmentId !== f.departmentId && user.role === 'officer') throw new AppError('FORBIDDEN', ROLE_FORBIDDEN);
    const set: Partial<typeof facilities.$inferInsert> = { updatedAt: new Date() };
    if (patch.stage !== undefined && patch.stage !== f.stage) {
      if (FACILITY_STAGES.indexOf(patch.stage) < FACILITY_STAGES.indexOf(f.stage)) {
        throw new AppError(
          'FACILITY_STAGE_BACKWARDS',
          { ko: `시설 단계는 앞으로만 바꿀 수 있습니다(지금: ${f.stage}).`, en: `A facility's stage only moves forward (now: ${f.stage}).` },
          [{ field: 'stage', message: { ko: '이전 단계로 되돌릴 수 없습니다.', en: 'Cannot go back to an earlier stage.' } }],
        );
      }
      set.stage = patch.stage;
    }
    if (patch.departmentId !== undefined) {
      if (patch.departmentId !== null) {
        const [d] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, patch.departmentId));
        if (!d) throw notFound({ ko: `부서 ${patch.departmentId}`, en: `Department ${patch.departmentId}` });
      }
      set.departmentId = patch.departmentId;
    }
    await tx.update(facilities).set(set).where(eq(facilities.id, id));
    await recordAudit(tx, actor, {
      action: 'facility.update',
      entity: 'facility',
      entityId: id,
      before: { stage: f.stage, departmentId: f.departmentId },
      after: { stage: set.stage ?? f.stage, departmentId: set.departmentId === undefined ? f.departmentId : set.departmentId },
    });
    return facilityView(await loadFacility(tx, id), 'staff');
  });
}

export async function updateMilestone(
  db: Executor,
  actor: Actor,
  user: SessionUser,
  facilityId: number,
  milestoneId: number,
  patch: { plannedOn?: string | null; doneOn?: string | null },
) {
  return inTransaction(db, async (tx) => {
    assertCanEditFacility(user, (await loadFacility(tx, facilityId, true)).f.departmentId);
    const [m] = await tx
      .select()
      .from(facilityMilestones)
      .where(and(eq(facilityMilestones.id, milestoneId), eq(facilityMilestones.facilityId, facilityId)))
      .for('update');
    if (!m) throw notFound({ ko: `일정 ${milestoneId}`, en: `Milestone ${milestoneId}` });
    const set = { ...(patch.plannedOn !== undefined ? { plannedOn: patch.plannedOn } : {}), ...(patch.doneOn !== undefined ? { doneOn: patch.doneOn } : {}) };
    await tx.update(facilityMilestones).set(set).where(eq(facilityMilestones.id, milestoneId));
    await recordAudit(tx, actor, {
      action: 'facility.milestone',
      entity: 'facility_milestone',
      entityId: milestoneId,
      before: { plannedOn: m.plannedOn, doneOn: m.doneOn },
      after: set,
    });
    return facilityView(await loadFacility(tx, facilityId), 'staff');
  });
}

/** Replaces the facility's budget lines (one per funding source). */
export async function setBudget(db: Executor, actor: Actor, facilityId: number, lines: { source: FundingSource; amountWon: number }[]) {
  return inTransaction(db, async (tx) => {
    const { budget } = await loadFacility(tx, facilityId, true);
    const sources = lines.map((l) => l.source);
    if (new Set(sources).size !== sources.length) {
      throw new AppError('VALIDATION_FAILED', { ko: '같은 재원이 두 번 있습니다.', en: 'A funding source is given twice.' }, [
        { field: 'lines', message: { ko: '재원마다 한 줄입니다.', en: 'One line per funding source.' } },
      ]);
    }
    await tx.delete(facilityBudgets).where(eq(facilityBudgets.facilityId, facilityId));
    if (lines.length) await tx.insert(facilityBudgets).values(lines.map((l) => ({ facilityId, ...l })));
    await recordAudit(tx, actor, {
      action: 'facility.budget',
      entity: 'facility',
      entityId: facilityId,
      before: budget.map((b) => ({ source: b.source, amountWon: b.amountWon })),
      after: lines,
    });
    return facilityView(await loadFacility(tx, facilityId), 'staff');
  });
}

/** For inspections: the facility must exist (locked), and its staff view once changed. */
export const lockFacility = (db: Executor, id: number) => loadFacility(db, id, true);
