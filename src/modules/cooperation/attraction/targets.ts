/**
 * Target institutions of the attraction pipeline: list, one, create, edit. Confidential to city
 * staff (the routes' policy); every write is one transaction with its audit row.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { invalidField, notFound } from '../../../server/errors.ts';
import { users } from '../../accounts/schema.ts';
import type { SessionUser } from '../../accounts/service.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { seoulDate } from '../../plan/seoul-time.ts';
import type { TargetBody, TargetPatchBody, TargetSchema } from './api-schema.ts';
import { targetView, type TargetRow } from './presenters.ts';
import { attractionStageDates, attractionSupport, attractionTargets } from './schema.ts';

type Target = z.infer<typeof TargetSchema>;

/** The targets as the staff see them (with owner, stage dates and support), in id order. */
async function present(db: Executor, rows: TargetRow[]): Promise<Target[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const ownerIds = [...new Set(rows.map((r) => r.ownerId).filter((x): x is number => x !== null))];
  const [dates, support, owners] = await Promise.all([
    db.select().from(attractionStageDates).where(inArray(attractionStageDates.targetId, ids)),
    db.select().from(attractionSupport).where(inArray(attractionSupport.targetId, ids)).orderBy(asc(attractionSupport.id)),
    ownerIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ownerIds)) : Promise.resolve([]),
  ]);
  const ownerOf = new Map(owners.map((o) => [o.id, o]));
  return rows.map((r) =>
    targetView(
      r,
      r.ownerId === null ? null : (ownerOf.get(r.ownerId) ?? null),
      dates.filter((d) => d.targetId === r.id),
      support.filter((s) => s.targetId === r.id),
    ),
  );
}

export async function listTargets(db: Executor): Promise<Target[]> {
  return present(db, await db.select().from(attractionTargets).orderBy(asc(attractionTargets.id)));
}

export async function getTarget(db: Executor, id: number): Promise<Target> {
  const [row] = await db.select().from(attractionTargets).where(eq(attractionTargets.id, id));
  if (!row) throw notFound({ ko: `유치 대상 기관 ${id}`, en: `Target institution ${id}` });
  return (await present(db, [row]))[0]!;
}

export async function lockTarget(tx: Executor, id: number): Promise<TargetRow> {
  const [row] = await tx.select().from(attractionTargets).where(eq(attractionTargets.id, id)).for('update');
  if (!row) throw notFound({ ko: `유치 대상 기관 ${id}`, en: `Target institution ${id}` });
  return row;
}

/** The owner must be an active city staff account (not a partner's). */
async function checkOwner(db: Executor, ownerId: number | null | undefined): Promise<void> {
  if (ownerId === null || ownerId === undefined) return;
  const [u] = await db
    .select({ id: users.id, disabledAt: users.disabledAt })
    .from(users)
    .where(and(eq(users.id, ownerId), ne(users.role, 'partner')));
  if (!u || u.disabledAt) throw invalidField('ownerId', '담당자는 사용 중인 시 직원 계정이어야 합니다.', 'The owner must be an active city staff account.');
}

export async function createTarget(db: Executor, actor: Actor, user: SessionUser, input: z.output<typeof TargetBody>): Promise<Target> {
  if (input.identifiedOn > seoulDate(new Date())) throw invalidField('identifiedOn', '오늘 이후의 날짜는 기록할 수 없습니다.', 'The day cannot be after today.');
  return inTransaction(db, async (tx) => {
    await checkOwner(tx, input.ownerId);
    const [row] = await tx
      .insert(attractionTargets)
      .values({
        nameKo: input.name.ko,
        nameEn: input.name.en ?? null,
        kind: input.kind,
        nextStep: input.nextStep ?? null,
        nextStepDue: input.nextStepDue ?? null,
        ownerId: input.ownerId ?? null,
        announce: input.announce ?? false,
        notes: input.notes ?? null,
      })
      .returning();
    await tx.insert(attractionStageDates).values({ targetId: row!.id, stage: 'identified', reachedOn: input.identifiedOn, recordedBy: user.id });
    const view = (await present(tx, [row!]))[0]!;
    await recordAudit(tx, actor, { action: 'attraction.create', entity: 'attraction_target', entityId: row!.id, after: view });
    return view;
  });
}

export async function updateTarget(db: Executor, actor: Actor, id: number, patch: z.output<typeof TargetPatchBody>): Promise<Target> {
  return inTransaction(db, async (tx) => {
    const before = await lockTarget(tx, id);
    await checkOwner(tx, patch.ownerId);
    const [after] = await tx
      .update(attractionTargets)
      .set({
        ...(patch.name ? { nameKo: patch.name.ko, nameEn: patch.name.en ?? null } : {}),
        ...(patch.kind ? { kind: patch.kind } : {}),
        ...(patch.nextStep !== undefined ? { nextStep: patch.nextStep } : {}),
        ...(patch.nextStepDue !== undefined ? { nextStepDue: patch.nextStepDue } : {}),
        ...(patch.ownerId !== undefined ? { ownerId: patch.ownerId } : {}),
        ...(patch.announce !== undefined ? { announce: patch.announce } : {}),
        ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
        updatedAt: new Date(),
      })
      .where(eq(attractionTargets.id, id))
      .returning();
    const [beforeView, afterView] = await present(tx, [before, after!]);
    await recordAudit(tx, actor, { action: 'attraction.update', entity: 'attraction_target', entityId: id, before: beforeView, after: afterView });
    return afterView!;
  });
}
