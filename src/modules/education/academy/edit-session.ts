/** Creating and changing academy sessions (times, capacity, cancellation) with their pools. */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../../db/executor.ts';
import { AppError, invalidFields as invalid, type FieldError } from '../../../server/errors.ts';
import { recordAudit, type Actor } from '../../audit/service.ts';
import { createPool } from '../../registration/engine/pools.ts';
import type { EngineContext } from '../../registration/engine/state.ts';
import { updatePool } from '../../registration/engine/update-pool.ts';
import type { SessionBody, SessionPatchBody } from '../academy-api-schema.ts';
import { sessionView, type SessionView } from '../academy-presenters.ts';
import { academyProgrammes, academySessions } from '../schema.ts';
import { ACADEMY_POOL, getSession, loadSession, type SessionRow } from './sessions.ts';

type SessionInput = z.infer<typeof SessionBody>;
type SessionPatch = z.infer<typeof SessionPatchBody>;

/** Checks the times of a session as it will be after the change; a 400 naming the fields. */
function checkTimes(t: { startsAt: Date; endsAt: Date; opensAt: Date; closesAt: Date }) {
  const fields: FieldError[] = [];
  if (t.endsAt <= t.startsAt) fields.push({ field: 'endsAt', message: { ko: '시작 시각보다 뒤여야 합니다.', en: 'Must be after startsAt.' } });
  if (t.closesAt <= t.opensAt) fields.push({ field: 'registrationClosesAt', message: { ko: '신청 시작 시각보다 뒤여야 합니다.', en: 'Must be after registrationOpensAt.' } });
  if (t.opensAt >= t.startsAt) fields.push({ field: 'registrationOpensAt', message: { ko: '강좌 시작 전이어야 합니다.', en: 'Must be before startsAt.' } });
  if (fields.length) throw invalid(fields);
}

async function requireProgramme(tx: Executor, programmeId: number | null | undefined) {
  if (programmeId === undefined || programmeId === null) return;
  const [p] = await tx.select({ id: academyProgrammes.id }).from(academyProgrammes).where(eq(academyProgrammes.id, programmeId));
  if (!p) throw invalid([{ field: 'programmeId', message: { ko: '없는 연간 계획입니다.', en: 'No such programme.' } }]);
}

export async function createSession(db: Executor, actor: Actor, input: SessionInput): Promise<SessionView> {
  const times = {
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    opensAt: new Date(input.registrationOpensAt),
    closesAt: new Date(input.registrationClosesAt),
  };
  checkTimes(times);
  const id = await inTransaction(db, async (tx) => {
    await requireProgramme(tx, input.programmeId);
    const pool = await createPool(tx, ACADEMY_POOL, {
      capacity: input.capacity,
      opensAt: times.opensAt,
      closesAt: times.closesAt,
      startsAt: times.startsAt,
      ...(input.waitlist !== undefined ? { waitlistEnabled: input.waitlist } : {}),
      ...(input.offerTtlMinutes !== undefined ? { offerTtlMinutes: input.offerTtlMinutes } : {}),
    });
    const [s] = await tx
      .insert(academySessions)
      .values({
        programmeId: input.programmeId ?? null,
        poolId: pool.id,
        titleKo: input.title.ko,
        titleEn: input.title.en ?? null,
        descriptionKo: input.description?.ko ?? null,
        descriptionEn: input.description?.en ?? null,
        lecturer: input.lecturer ?? null,
        startsAt: times.startsAt,
        endsAt: times.endsAt,
        venue: input.venue,
        onlineUrl: input.onlineUrl ?? null,
      })
      .returning();
    await recordAudit(tx, actor, { action: 'academy.session.create', entity: 'academy_session', entityId: s!.id, after: { ...input } });
    return s!.id;
  });
  return getSession(db, id);
}

export async function updateSession(db: Executor, ctx: EngineContext, actor: Actor, id: number, patch: SessionPatch): Promise<SessionView> {
  await inTransaction(db, async (tx) => {
    const { s, pool } = await loadSession(tx, id, true);
    const times = {
      startsAt: patch.startsAt ? new Date(patch.startsAt) : s.startsAt,
      endsAt: patch.endsAt ? new Date(patch.endsAt) : s.endsAt,
      opensAt: patch.registrationOpensAt ? new Date(patch.registrationOpensAt) : pool.opensAt,
      closesAt: patch.registrationClosesAt ? new Date(patch.registrationClosesAt) : pool.closesAt,
    };
    checkTimes(times);
    if (pool.cancelledAt && Object.keys(patch).some((k) => k !== 'videoUrl' && k !== 'cancelled')) {
      throw new AppError('SESSION_CANCELLED', { ko: '취소된 강좌는 바꿀 수 없습니다.', en: 'A cancelled session cannot be changed.' });
    }
    await requireProgramme(tx, patch.programmeId);
    const sessionSet: Partial<SessionRow> = {};
    if (patch.title) Object.assign(sessionSet, { titleKo: patch.title.ko, titleEn: patch.title.en ?? null });
    if (patch.description !== undefined) Object.assign(sessionSet, { descriptionKo: patch.description?.ko ?? null, descriptionEn: patch.description?.en ?? null });
    if (patch.lecturer !== undefined) sessionSet.lecturer = patch.lecturer;
    if (patch.venue !== undefined) sessionSet.venue = patch.venue;
    if (patch.onlineUrl !== undefined) sessionSet.onlineUrl = patch.onlineUrl;
    if (patch.videoUrl !== undefined) sessionSet.videoUrl = patch.videoUrl;
    if (patch.programmeId !== undefined) sessionSet.programmeId = patch.programmeId;
    if (patch.startsAt) sessionSet.startsAt = times.startsAt;
    if (patch.endsAt) sessionSet.endsAt = times.endsAt;
    // Calendars holding the session replace it when its time, venue or status changed (SEQUENCE).
    const moved =
      (sessionSet.startsAt !== undefined && sessionSet.startsAt.getTime() !== s.startsAt.getTime()) ||
      (sessionSet.endsAt !== undefined && sessionSet.endsAt.getTime() !== s.endsAt.getTime()) ||
      (sessionSet.venue !== undefined && sessionSet.venue !== s.venue) ||
      (sessionSet.onlineUrl !== undefined && sessionSet.onlineUrl !== s.onlineUrl) ||
      (patch.cancelled === true && !pool.cancelledAt);
    if (moved) sessionSet.sequence = s.sequence + 1;
    if (Object.keys(sessionSet).length || patch.capacity !== undefined || patch.cancelled) sessionSet.updatedAt = new Date();
    if (Object.keys(sessionSet).length) await tx.update(academySessions).set(sessionSet).where(eq(academySessions.id, id));
    await updatePool(tx, ctx, pool.id, {
      ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
      ...(patch.registrationOpensAt ? { opensAt: times.opensAt } : {}),
      ...(patch.registrationClosesAt ? { closesAt: times.closesAt } : {}),
      ...(patch.startsAt ? { startsAt: times.startsAt } : {}),
      ...(patch.waitlist !== undefined ? { waitlistEnabled: patch.waitlist } : {}),
      ...(patch.offerTtlMinutes !== undefined ? { offerTtlMinutes: patch.offerTtlMinutes } : {}),
      ...(patch.cancelled ? { cancelled: true } : {}),
    });
    const before = sessionView(s, pool);
    await recordAudit(tx, actor, {
      action: patch.cancelled ? 'academy.session.cancel' : 'academy.session.update',
      entity: 'academy_session',
      entityId: id,
      before: Object.fromEntries(Object.keys(patch).map((k) => [k, (before as Record<string, unknown>)[k] ?? null])),
      after: patch,
    });
  });
  return getSession(db, id);
}
