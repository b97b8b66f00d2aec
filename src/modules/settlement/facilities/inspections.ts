/**
 * Inspections of a facility's works (건립 추진상황 점검): date, findings, follow-up items and
 * photos (images checked by content, stored in the file store by SHA-256, shown on the public
 * page). Registers the plan measure "inspections held".
 */
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError, notFound } from '../../../server/errors.ts';
import { registerFileHolder } from '../../../server/file-holders.ts';
import type { FileStore } from '../../../server/file-store.ts';
import { putStoredFile } from '../../../server/stored-files.ts';
import { recognise } from '../../../server/file-type.ts';
import type { UploadedFile } from '../../../server/multipart.ts';
import { withoutControls } from '../../../server/text.ts';
import type { SessionUser } from '../../accounts/service.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { registerMeasure } from '../../plan/measures.ts';
import { seoulDate } from '../../plan/seoul-time.ts';
import { facilityView } from '../presenters.ts';
import { facilityInspections, inspectionFollowUps, inspectionPhotos, settlementFeedback } from '../schema.ts';
import { assertCanEditFacility, lockFacility } from './facilities.ts';

// The file store is shared: evidence and ordinance deletions keep a file an inspection photo or a feedback photo holds.
registerFileHolder('inspection_photos', async (tx, sha256) => {
  const [row] = await tx.select({ id: inspectionPhotos.id }).from(inspectionPhotos).where(eq(inspectionPhotos.fileSha256, sha256)).limit(1);
  return row !== undefined;
});
registerFileHolder('settlement_feedback', async (tx, sha256) => {
  const [row] = await tx.select({ id: settlementFeedback.id }).from(settlementFeedback).where(eq(settlementFeedback.photoSha256, sha256)).limit(1);
  return row !== undefined;
});

// The plan's "혁신도시 다목적 체육센터 등 건립 추진상황 점검": inspections held (any facility) in the period.
registerMeasure({
  key: 'settlement.inspections_held',
  label: { ko: '생활 인프라 건립 추진상황 점검 횟수', en: 'Facility construction inspections held' },
  unit: '회',
  measure: async (db, { from, to }) => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(facilityInspections)
      .where(and(gte(facilityInspections.heldOn, seoulDate(from)), lt(facilityInspections.heldOn, seoulDate(to))));
    return Number(row!.n);
  },
});

export async function addInspection(
  db: Executor,
  actor: Actor,
  user: SessionUser,
  facilityId: number,
  input: { heldOn: string; findings: string; followUps?: string[] | undefined },
) {
  return inTransaction(db, async (tx) => {
    assertCanEditFacility(user, (await lockFacility(tx, facilityId)).f.departmentId);
    const [i] = await tx.insert(facilityInspections).values({ facilityId, heldOn: input.heldOn, findings: input.findings, createdBy: user.id }).returning();
    const followUps = input.followUps ?? [];
    if (followUps.length) await tx.insert(inspectionFollowUps).values(followUps.map((text) => ({ inspectionId: i!.id, text })));
    await recordAudit(tx, actor, { action: 'facility.inspection.create', entity: 'facility_inspection', entityId: i!.id, after: { facilityId, ...input } });
    return facilityView(await lockFacility(tx, facilityId), 'staff');
  });
}

const IMAGE_KINDS = new Set(['png', 'jpeg', 'gif', 'webp']);

/** Checks that the bytes are a PNG, JPEG, GIF or WebP image (by content); returns its name and type. */
export async function checkImage(file: UploadedFile): Promise<{ fileName: string; mimeType: string }> {
  const name = withoutControls(file.fileName.split(/[\\/]/).pop() ?? '')
    .replace(/"/g, '')
    .slice(-200);
  const found = await recognise(file.bytes, name);
  if (!found.ok || !IMAGE_KINDS.has(found.kind)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      { ko: '사진은 PNG, JPEG, GIF, WebP 이미지만 올릴 수 있습니다(내용으로 확인).', en: 'Photos must be PNG, JPEG, GIF or WebP images (checked by content).' },
      [{ field: 'file', message: { ko: '허용 형식: PNG, JPEG, GIF, WebP', en: 'Allowed: PNG, JPEG, GIF, WebP' } }],
    );
  }
  return { fileName: found.fileName, mimeType: found.mimeType };
}

export async function addInspectionPhoto(
  db: Executor,
  files: FileStore,
  actor: Actor,
  user: SessionUser,
  inspectionId: number,
  input: { file: UploadedFile; caption?: string | undefined },
) {
  const image = await checkImage(input.file);
  return inTransaction(db, async (tx) => {
    const [i] = await tx.select().from(facilityInspections).where(eq(facilityInspections.id, inspectionId));
    if (!i) throw notFound({ ko: `점검 ${inspectionId}`, en: `Inspection ${inspectionId}` });
    assertCanEditFacility(user, (await lockFacility(tx, i.facilityId)).f.departmentId);
    const sha256 = await putStoredFile(tx, files, input.file.bytes);
    const [p] = await tx
      .insert(inspectionPhotos)
      .values({ inspectionId, fileSha256: sha256, fileName: image.fileName, mimeType: image.mimeType, sizeBytes: input.file.bytes.length, caption: input.caption ?? null })
      .returning();
    await recordAudit(tx, actor, { action: 'facility.photo.create', entity: 'inspection_photo', entityId: p!.id, after: { inspectionId, sha256, caption: p!.caption } });
    return facilityView(await lockFacility(tx, i.facilityId), 'staff');
  });
}

export async function setFollowUp(db: Executor, actor: Actor, user: SessionUser, id: number, done: boolean) {
  return inTransaction(db, async (tx) => {
    const [u] = await tx
      .select({ u: inspectionFollowUps, facilityId: facilityInspections.facilityId })
      .from(inspectionFollowUps)
      .innerJoin(facilityInspections, eq(facilityInspections.id, inspectionFollowUps.inspectionId))
      .where(eq(inspectionFollowUps.id, id))
      .for('update', { of: inspectionFollowUps });
    if (!u) throw notFound({ ko: `후속 조치 ${id}`, en: `Follow-up item ${id}` });
    assertCanEditFacility(user, (await lockFacility(tx, u.facilityId)).f.departmentId);
    const doneAt = done ? (u.u.doneAt ?? new Date()) : null;
    await tx.update(inspectionFollowUps).set({ doneAt }).where(eq(inspectionFollowUps.id, id));
    await recordAudit(tx, actor, { action: 'facility.follow_up', entity: 'inspection_follow_up', entityId: id, before: { done: u.u.doneAt !== null }, after: { done } });
    return facilityView(await lockFacility(tx, u.facilityId), 'staff');
  });
}

/** A photo to serve (public: every inspection photo is on the facility's public page). */
export async function photoFile(db: Executor, id: number) {
  const [p] = await db.select().from(inspectionPhotos).where(eq(inspectionPhotos.id, id));
  if (!p) throw notFound({ ko: `사진 ${id}`, en: `Photo ${id}` });
  return p;
}
