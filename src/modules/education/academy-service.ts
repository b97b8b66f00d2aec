/**
 * The financial academy (전주시 금융아카데미): programmes, sessions (each with a capacity pool of
 * the registration engine), registrations, check-in, the satisfaction survey and the figures.
 * Every write is one transaction with its audit row; messages go through the outbox in it.
 */
import { and, asc, desc, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { AppError, fieldError, invalidFields, notFound, type FieldError } from '../../server/errors.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import { registerMeasure } from '../plan/measures.ts';
import { percent } from '../plan/figures.ts';
import { quarterOf, quarterRange } from '../plan/seoul-time.ts';
import { CONSENT_NOTICES } from '../registration/consent.ts';
import { surveyUrlTemplate, type PoolSubject } from '../registration/messages.ts';
import { listPoolRegistrations, type Page, type PageParams } from '../registration/listing.ts';
import { capacityPools, registrations } from '../registration/schema.ts';
import { registrationByToken, rotateToken } from '../registration/engine/by-token.ts';
import { checkIn, type CheckInResult } from '../registration/engine/check-in.ts';
import { createPool, registerPoolOwner, subjectOf } from '../registration/engine/pools.ts';
import { register } from '../registration/engine/register.ts';
import { registrationState, type EngineContext, type Pool } from '../registration/engine/state.ts';
import { updatePool } from '../registration/engine/update-pool.ts';
import { notifyRegistrant } from '../registration/messages.ts';
import { staffView, type StaffRegistration } from '../registration/presenters.ts';
import type { FiguresSchema, ProgrammeBody, SessionBody, SessionPatchBody, SessionSchema } from './academy-api-schema.ts';
import { academyProgrammes, academySessions, surveyResponses } from './schema.ts';

export const ACADEMY_POOL = 'academy_session';

type SessionRow = typeof academySessions.$inferSelect;
export type SessionView = z.infer<typeof SessionSchema>;

const invalid = invalidFields;

const sessionNotFound = (id: number) => notFound({ ko: `금융아카데미 강좌 ${id}`, en: `Academy session ${id}` });

// The engine's messages and status pages describe an academy pool by its session.
const sessionSubject = (s: SessionRow): PoolSubject => ({ ownerId: s.id, title: { ko: s.titleKo, en: s.titleEn }, startsAt: s.startsAt, venue: s.venue });
registerPoolOwner(ACADEMY_POOL, {
  describe: async (db, poolId): Promise<PoolSubject | null> => {
    const [s] = await db.select().from(academySessions).where(eq(academySessions.poolId, poolId));
    return s ? sessionSubject(s) : null;
  },
});

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

// ---------------------------------------------------------------------------------------------
// Views

/** The pool row carries its own counts (taken, waiting), kept by a trigger: nothing to count here. */
function sessionView(s: SessionRow, pool: Pool, now = new Date()): SessionView {
  return {
    id: s.id,
    programmeId: s.programmeId,
    title: { ko: s.titleKo, en: s.titleEn },
    description: s.descriptionKo ? { ko: s.descriptionKo, en: s.descriptionEn } : null,
    lecturer: s.lecturer,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    venue: s.venue,
    onlineUrl: s.onlineUrl,
    videoUrl: s.videoUrl,
    capacity: pool.capacity,
    seatsLeft: Math.max(0, pool.capacity - pool.taken),
    waitlistLength: pool.waiting,
    waitlistEnabled: pool.waitlistEnabled,
    registrationOpensAt: pool.opensAt.toISOString(),
    registrationClosesAt: pool.closesAt.toISOString(),
    registrationState: registrationState(pool, pool.taken, now),
    cancelled: pool.cancelledAt !== null,
  };
}

function views(rows: { s: SessionRow; pool: Pool }[]): SessionView[] {
  const now = new Date();
  return rows.map(({ s, pool }) => sessionView(s, pool, now));
}

const sessionWithPool = (db: Executor) =>
  db.select({ s: academySessions, pool: capacityPools }).from(academySessions).innerJoin(capacityPools, eq(capacityPools.id, academySessions.poolId));

/**
 * The session-and-pool read of every registration, prepared once per database: Drizzle takes
 * ~0.2 ms of CPU to build this join's SQL, a sixth of what a registration costs the server.
 */
const preparedLoads = new WeakMap<Db, ReturnType<typeof prepareLoad>>();
const prepareLoad = (db: Executor) => sessionWithPool(db).where(eq(academySessions.id, sql.placeholder('id'))).prepare('academy_session_with_pool');

async function loadSession(db: Executor, id: number, lock = false): Promise<{ s: SessionRow; pool: Pool }> {
  let rows: { s: SessionRow; pool: Pool }[];
  if (lock) rows = await sessionWithPool(db).where(eq(academySessions.id, id)).for('update', { of: academySessions });
  else if (db instanceof PgTransaction) rows = await sessionWithPool(db).where(eq(academySessions.id, id));
  else {
    let prepared = preparedLoads.get(db);
    if (!prepared) preparedLoads.set(db, (prepared = prepareLoad(db)));
    rows = await prepared.execute({ id });
  }
  if (!rows[0]) throw sessionNotFound(id);
  return rows[0];
}

export async function getSession(db: Executor, id: number): Promise<SessionView> {
  return views([await loadSession(db, id)])[0]!;
}

export async function listSessions(db: Executor, when: 'upcoming' | 'past' | 'all'): Promise<SessionView[]> {
  const now = new Date();
  const filter = when === 'upcoming' ? gte(academySessions.endsAt, now) : when === 'past' ? lt(academySessions.endsAt, now) : undefined;
  const rows = await db
    .select({ s: academySessions, pool: capacityPools })
    .from(academySessions)
    .innerJoin(capacityPools, eq(capacityPools.id, academySessions.poolId))
    .where(filter)
    .orderBy(when === 'past' ? desc(academySessions.startsAt) : asc(academySessions.startsAt), asc(academySessions.id));
  return views(rows);
}

// ---------------------------------------------------------------------------------------------
// Sessions

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
  const times = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), opensAt: new Date(input.registrationOpensAt), closesAt: new Date(input.registrationClosesAt) };
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

// ---------------------------------------------------------------------------------------------
// Registrations

export interface RegistrationInput {
  name: string;
  phone: string;
  email?: string;
  consent: true;
  waitlist?: boolean;
}

export async function registerForSession(db: Executor, ctx: EngineContext, actor: Actor, sessionId: number, input: RegistrationInput) {
  const { s, pool } = await loadSession(db, sessionId);
  return register(db, ctx, actor, { pool, subject: sessionSubject(s) }, { ...input, consentVersion: CONSENT_NOTICES.academy.version });
}

/** One page of a session's registrants (keyset by id); `q` searches names. */
export async function sessionRegistrations(db: Executor, sessionId: number, f: PageParams & { q?: string | undefined } = {}): Promise<Page<StaffRegistration>> {
  const [row] = await db.select({ poolId: academySessions.poolId }).from(academySessions).where(eq(academySessions.id, sessionId));
  if (!row) throw sessionNotFound(sessionId);
  return listPoolRegistrations(db, row.poolId, f);
}

export async function checkInAtSession(db: Executor, actor: Actor, sessionId: number, by: { token?: string; registrationId?: number }): Promise<{ registration: StaffRegistration; alreadyCheckedIn: boolean }> {
  const { pool } = await loadSession(db, sessionId);
  const r: CheckInResult = await checkIn(db, actor, pool.id, by);
  return { registration: staffView(r.registration), alreadyCheckedIn: r.alreadyCheckedIn };
}

// ---------------------------------------------------------------------------------------------
// Survey

/** Invites every attendee (checked in) of an ended session to the survey; once per session. */
export async function sendSurvey(db: Executor, ctx: EngineContext, actor: Actor, sessionId: number): Promise<{ queued: number }> {
  return inTransaction(db, async (tx) => {
    const { s, pool } = await loadSession(tx, sessionId, true);
    if (pool.cancelledAt) throw new AppError('SESSION_CANCELLED', { ko: '취소된 강좌입니다.', en: 'The session was cancelled.' });
    if (s.endsAt > new Date()) throw new AppError('SURVEY_TOO_EARLY', { ko: '강좌가 끝난 뒤에 만족도 조사를 보낼 수 있습니다.', en: 'The survey can be sent once the session has ended.' });
    if (s.surveySentAt) {
      throw new AppError('SURVEY_ALREADY_SENT', { ko: `만족도 조사는 이미 ${s.surveySentAt.toISOString()}에 보냈습니다.`, en: `The survey was already sent at ${s.surveySentAt.toISOString()}.` });
    }
    const attendees = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.poolId, pool.id), isNotNull(registrations.checkedInAt), sql`${registrations.anonymizedAt} is null`))
      .orderBy(asc(registrations.id));
    const subject: PoolSubject = { ownerId: s.id, title: { ko: s.titleKo, en: s.titleEn }, startsAt: s.startsAt, venue: s.venue };
    for (const r of attendees) {
      // The registration link's job (cancel, check-in) is done: the survey link replaces it.
      const token = await rotateToken(tx, r.id);
      await notifyRegistrant(tx, 'survey', { registrationId: r.id, ...r }, subject, { surveyUrl: surveyUrlTemplate(ctx.publicUrl), linkToken: token, ownerKind: ACADEMY_POOL });
    }
    await tx.update(academySessions).set({ surveySentAt: new Date() }).where(eq(academySessions.id, sessionId));
    await recordAudit(tx, actor, { action: 'academy.survey.send', entity: 'academy_session', entityId: sessionId, after: { queued: attendees.length } });
    return { queued: attendees.length };
  });
}

/**
 * The survey behind a token: an academy session's, or (through the engine's pool owners) any
 * other programme's that invites its attendees the same way (GENIE Forum and seminars).
 */
async function surveyTarget(db: Executor, token: string) {
  const r = await registrationByToken(db, token);
  if (!r.checkedInAt) throw notFound({ ko: '만족도 조사', en: 'The survey' });
  const [row] = await db.select().from(academySessions).where(eq(academySessions.poolId, r.poolId));
  if (row) return { r, s: { id: row.id, titleKo: row.titleKo, titleEn: row.titleEn, startsAt: row.startsAt }, entity: 'academy_session' };
  const [pool] = await db.select().from(capacityPools).where(eq(capacityPools.id, r.poolId));
  const subject = pool ? await subjectOf(db, pool) : null;
  if (!pool || !subject) throw notFound({ ko: '만족도 조사', en: 'The survey' });
  return { r, s: { id: subject.ownerId, titleKo: subject.title.ko, titleEn: subject.title.en, startsAt: subject.startsAt }, entity: pool.ownerKind };
}

export async function surveyInfo(db: Executor, token: string) {
  const { r, s } = await surveyTarget(db, token);
  const [answer] = await db.select({ id: surveyResponses.id }).from(surveyResponses).where(eq(surveyResponses.registrationId, r.id));
  return { session: { id: s.id, title: { ko: s.titleKo, en: s.titleEn }, startsAt: s.startsAt.toISOString() }, answered: !!answer };
}

export async function answerSurvey(db: Executor, actor: Actor, token: string, input: { rating: number; comment?: string }) {
  return inTransaction(db, async (tx) => {
    const { r, s, entity } = await surveyTarget(tx, token);
    const [row] = await tx
      .insert(surveyResponses)
      .values({ registrationId: r.id, rating: input.rating, comment: input.comment || null })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('SURVEY_ALREADY_ANSWERED', { ko: '이미 응답하셨습니다. 감사합니다.', en: 'You have already answered. Thank you.' });
    await recordAudit(tx, actor, { action: entity === 'academy_session' ? 'academy.survey.answer' : `${entity}.survey.answer`, entity, entityId: s.id, after: { rating: input.rating } });
    return { id: row.id, rating: row.rating };
  });
}

// ---------------------------------------------------------------------------------------------
// Figures

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
    return { sessions: live.length, held: live.filter((s) => s.held).length, registered, attended, attendanceRate: percent(attended, registered), satisfaction: mean2(ratingSum, responses), responses };
  };
  return {
    year: { year, ...roll(sessions) },
    byQuarter: [1, 2, 3, 4].map((q) => ({ quarter: q, ...roll(sessions.filter((s) => s.quarter === q)) })),
    sessions: sessions.map(({ quarter: _q, ratingSum: _r, ...s }) => s),
  };
}

// ---------------------------------------------------------------------------------------------
// Programmes

type ProgrammeInput = z.infer<typeof ProgrammeBody>;

const programmeView = (p: typeof academyProgrammes.$inferSelect) => ({
  id: p.id,
  year: p.year,
  title: { ko: p.titleKo, en: p.titleEn },
  description: p.descriptionKo ? { ko: p.descriptionKo, en: p.descriptionEn } : null,
  createdAt: p.createdAt.toISOString(),
});

export async function listProgrammes(db: Executor) {
  return (await db.select().from(academyProgrammes).orderBy(desc(academyProgrammes.year))).map(programmeView);
}

export async function createProgramme(db: Executor, actor: Actor, input: ProgrammeInput) {
  return inTransaction(db, async (tx) => {
    const [p] = await tx
      .insert(academyProgrammes)
      .values({ year: input.year, titleKo: input.title.ko, titleEn: input.title.en ?? null, descriptionKo: input.description?.ko ?? null, descriptionEn: input.description?.en ?? null })
      .onConflictDoNothing()
      .returning();
    if (!p) {
      throw new AppError('PROGRAMME_EXISTS', { ko: `${input.year}년 금융아카데미 계획이 이미 있습니다.`, en: `There is already an academy programme for ${input.year}.` }, [
        fieldError('year', '이미 있는 연도입니다.', 'This year already has a programme.'),
      ]);
    }
    await recordAudit(tx, actor, { action: 'academy.programme.create', entity: 'academy_programme', entityId: p.id, after: input });
    return programmeView(p);
  });
}
