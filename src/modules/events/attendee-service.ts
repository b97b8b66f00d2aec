/**
 * Registration for events (GENIE Forum, seminars, conferences) and the day of the event.
 * Each category of an event is a capacity pool of the registration engine (owner kind
 * `event_category`): the engine keeps its guarantees (no overbooking, waiting list with offers,
 * duplicate phone → 409, consent, cancellation link, outbox messages); this module adds the
 * event's own rows (event_registrations) and checks (questions, invitation codes, approval) in
 * the engine's transaction, through its hooks.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, rows, type Executor } from '../../db/executor.ts';
import { AppError, fieldError, invalidFields, notFound, type FieldError } from '../../server/errors.ts';
import { maskEmail, maskPhone } from '../../server/mask.ts';
import { hashToken } from '../../server/tokens.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import { CONSENT_NOTICES } from '../registration/consent.ts';
import { notifyRegistrant, surveyUrlTemplate, type PoolSubject } from '../registration/messages.ts';
import { pageLimit, toPage, type Page, type PageParams } from '../registration/listing.ts';
import { capacityPools, registrations } from '../registration/schema.ts';
import { decidePending } from '../registration/engine/approval.ts';
import { registrationByToken, rotateToken } from '../registration/engine/by-token.ts';
import { checkIn } from '../registration/engine/check-in.ts';
import { createPool, poolTarget, registerPoolOwner } from '../registration/engine/pools.ts';
import { register } from '../registration/engine/register.ts';
import { ACTIVE, registrationState, type EngineContext, type Registration } from '../registration/engine/state.ts';
import { updatePool } from '../registration/engine/update-pool.ts';
import type { AttendeeSchema, CategoryBody, CategoryPatchBody, CategorySchema, CodesBody, EventFiguresSchema, EventRegistrationBody, QuestionBody, QuestionSchema } from './attendee-api-schema.ts';
import { eventCategories, eventQuestions, eventRegistrations, events, invitationCodes } from './schema.ts';

export const EVENT_POOL = 'event_category';

type EventRow = typeof events.$inferSelect;
type CategoryRow = typeof eventCategories.$inferSelect;
type QuestionRow = typeof eventQuestions.$inferSelect;
export type Category = CategoryRow['category'];

export const CATEGORY_LABELS: Record<Category, { ko: string; en: string }> = {
  general: { ko: '일반', en: 'General' },
  student: { ko: '학생', en: 'Student' },
  press: { ko: '언론', en: 'Press' },
  vip: { ko: '초청', en: 'VIP / invited' },
  online: { ko: '온라인', en: 'Online' },
};

const invalid = invalidFields;

const eventNotFound = (id: number) => notFound({ ko: `행사 ${id}`, en: `Event ${id}` });

// The engine's messages and status pages describe an event pool by its event and category.
registerPoolOwner(EVENT_POOL, {
  describe: async (db, poolId): Promise<PoolSubject | null> => {
    const [row] = await db
      .select({ e: events, category: eventCategories.category })
      .from(eventCategories)
      .innerJoin(events, eq(events.id, eventCategories.eventId))
      .where(eq(eventCategories.poolId, poolId));
    if (!row) return null;
    const label = CATEGORY_LABELS[row.category];
    return {
      ownerId: row.e.id,
      title: { ko: `${row.e.titleKo} (${label.ko})`, en: row.e.titleEn ? `${row.e.titleEn} (${label.en})` : null },
      startsAt: row.e.startsAt,
      venue: [row.e.venueKo, row.e.venueEn].filter(Boolean).join(' / '),
    };
  },
});

async function loadEvent(db: Executor, id: number): Promise<EventRow> {
  const [e] = await db.select().from(events).where(eq(events.id, id));
  if (!e) throw eventNotFound(id);
  return e;
}

// ---------------------------------------------------------------------------------------------
// Countries (ISO 3166-1 alpha-2), checked against the region names the runtime knows.

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB', 'XK']);
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  try {
    const name = regionNames.of(code);
    return !!name && name !== code && name !== 'Unknown Region';
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Invitation codes: shown once, stored as SHA-256 of the normalised code.

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
export const hashCode = (code: string) => hashToken(normaliseCode(code));
function newCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** How many active registrations (confirmed, waitlisted, offered, pending) used a code: counted, never stored. */
async function codeUses(tx: Executor, codeId: number): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .innerJoin(registrations, eq(registrations.id, eventRegistrations.registrationId))
    .where(and(eq(eventRegistrations.invitationCodeId, codeId), inArray(registrations.status, ACTIVE)));
  return Number(row!.n);
}

const codeRefused = (en: string, ko: string) => invalid([{ field: 'invitationCode', message: { ko, en } }]);

// ---------------------------------------------------------------------------------------------
// Categories

type CategoryView = z.infer<typeof CategorySchema>;

async function categoriesOf(db: Executor, eventId: number) {
  return db
    .select({ c: eventCategories, pool: capacityPools })
    .from(eventCategories)
    .innerJoin(capacityPools, eq(capacityPools.id, eventCategories.poolId))
    .where(eq(eventCategories.eventId, eventId))
    .orderBy(asc(eventCategories.id));
}

/** The categories of an event with seats left and waiting list (for the event page too). */
export async function listCategories(db: Executor, eventId: number): Promise<CategoryView[]> {
  const rows = await categoriesOf(db, eventId);
  // The pool rows carry their counts (kept by a trigger): nothing to count.
  return rows.map(({ c, pool }) => {
    return {
      id: c.id,
      category: c.category,
      requiresInvitation: c.requiresInvitation,
      requiresApproval: c.requiresApproval,
      capacity: pool.capacity,
      seatsLeft: Math.max(0, pool.capacity - pool.taken),
      waitlistLength: pool.waiting,
      opensAt: pool.opensAt.toISOString(),
      closesAt: pool.closesAt.toISOString(),
      registrationState: registrationState(pool, pool.taken),
    };
  });
}

const windowError = () => invalid([{ field: 'closesAt', message: { ko: '신청 마감은 신청 시작보다 뒤여야 합니다.', en: 'Registration must close after it opens.' } }]);

export async function createCategory(db: Executor, actor: Actor, eventId: number, input: z.infer<typeof CategoryBody>): Promise<CategoryView> {
  const opensAt = new Date(input.opensAt);
  const closesAt = new Date(input.closesAt);
  if (opensAt >= closesAt) throw windowError();
  const id = await inTransaction(db, async (tx) => {
    const e = await loadEvent(tx, eventId);
    const [exists] = await tx.select({ id: eventCategories.id }).from(eventCategories).where(and(eq(eventCategories.eventId, eventId), eq(eventCategories.category, input.category)));
    if (exists) {
      throw new AppError('CATEGORY_EXISTS', { ko: '이 행사에 이미 있는 참가 구분입니다.', en: 'The event already has this category.' }, [
        fieldError('category', '이미 있습니다.', 'Already exists.'),
      ]);
    }
    const pool = await createPool(tx, EVENT_POOL, { capacity: input.capacity, opensAt, closesAt, startsAt: e.startsAt, waitlistEnabled: input.waitlist ?? true });
    const [c] = await tx
      .insert(eventCategories)
      .values({ eventId, category: input.category, poolId: pool.id, requiresInvitation: input.requiresInvitation ?? false, requiresApproval: input.requiresApproval ?? false })
      .returning();
    await recordAudit(tx, actor, { action: 'event.category.create', entity: 'event_category', entityId: c!.id, after: { eventId, ...input } });
    return c!.id;
  });
  return (await listCategories(db, eventId)).find((c) => c.id === id)!;
}

export async function updateCategory(db: Executor, ctx: EngineContext, actor: Actor, eventId: number, categoryId: number, patch: z.infer<typeof CategoryPatchBody>): Promise<CategoryView> {
  await inTransaction(db, async (tx) => {
    const [row] = (await categoriesOf(tx, eventId)).filter((r) => r.c.id === categoryId);
    if (!row) throw notFound({ ko: `참가 구분 ${categoryId}`, en: `Category ${categoryId}` });
    const opensAt = patch.opensAt ? new Date(patch.opensAt) : row.pool.opensAt;
    const closesAt = patch.closesAt ? new Date(patch.closesAt) : row.pool.closesAt;
    if (opensAt >= closesAt) throw windowError();
    await updatePool(tx, ctx, row.pool.id, {
      ...(patch.capacity !== undefined ? { capacity: patch.capacity } : {}),
      ...(patch.opensAt ? { opensAt } : {}),
      ...(patch.closesAt ? { closesAt } : {}),
      ...(patch.waitlist !== undefined ? { waitlistEnabled: patch.waitlist } : {}),
    });
    const set: Partial<CategoryRow> = {};
    if (patch.requiresInvitation !== undefined) set.requiresInvitation = patch.requiresInvitation;
    if (patch.requiresApproval !== undefined) set.requiresApproval = patch.requiresApproval;
    if (Object.keys(set).length) await tx.update(eventCategories).set(set).where(eq(eventCategories.id, categoryId));
    await recordAudit(tx, actor, {
      action: 'event.category.update',
      entity: 'event_category',
      entityId: categoryId,
      before: { capacity: row.pool.capacity, opensAt: row.pool.opensAt.toISOString(), closesAt: row.pool.closesAt.toISOString(), requiresInvitation: row.c.requiresInvitation, requiresApproval: row.c.requiresApproval, waitlist: row.pool.waitlistEnabled },
      after: patch,
    });
  });
  return (await listCategories(db, eventId)).find((c) => c.id === categoryId)!;
}

export async function createCodes(db: Executor, actor: Actor, eventId: number, categoryId: number, input: z.infer<typeof CodesBody>) {
  return inTransaction(db, async (tx) => {
    const [c] = await tx.select().from(eventCategories).where(and(eq(eventCategories.id, categoryId), eq(eventCategories.eventId, eventId)));
    if (!c) throw notFound({ ko: `참가 구분 ${categoryId}`, en: `Category ${categoryId}` });
    const codes = Array.from({ length: input.count ?? 1 }, newCode);
    const maxUses = input.maxUses ?? 1;
    await tx.insert(invitationCodes).values(codes.map((code) => ({ categoryId, codeHash: hashCode(code), label: input.label ?? null, maxUses, createdBy: actor.userId })));
    await recordAudit(tx, actor, { action: 'event.invitation_codes.create', entity: 'event_category', entityId: categoryId, after: { count: codes.length, maxUses, label: input.label ?? null } });
    return { codes, maxUses, label: input.label ?? null };
  });
}

// ---------------------------------------------------------------------------------------------
// Questions

type QuestionView = z.infer<typeof QuestionSchema>;
const questionView = (q: QuestionRow): QuestionView => ({ id: q.id, kind: q.kind, label: { ko: q.labelKo, en: q.labelEn }, required: q.required, options: q.options ?? null, maxLength: q.maxLength });

export async function listQuestions(db: Executor, eventId: number): Promise<QuestionView[]> {
  return (await db.select().from(eventQuestions).where(eq(eventQuestions.eventId, eventId)).orderBy(asc(eventQuestions.position), asc(eventQuestions.id))).map(questionView);
}

export async function createQuestion(db: Executor, actor: Actor, eventId: number, input: z.infer<typeof QuestionBody>): Promise<QuestionView> {
  if (input.kind === 'choice' && !input.options?.length) throw invalid([{ field: 'options', message: { ko: '선택형 질문에는 보기가 필요합니다.', en: 'A choice question needs options.' } }]);
  if (input.kind !== 'choice' && input.options) throw invalid([{ field: 'options', message: { ko: '보기는 선택형 질문에만 있습니다.', en: 'Only choice questions have options.' } }]);
  return inTransaction(db, async (tx) => {
    await loadEvent(tx, eventId);
    const [q] = await tx
      .insert(eventQuestions)
      .values({
        eventId,
        kind: input.kind,
        labelKo: input.label.ko,
        labelEn: input.label.en ?? null,
        required: input.required ?? false,
        options: input.options ?? null,
        maxLength: input.maxLength ?? 200,
        position: input.position ?? 0,
      })
      .returning();
    await recordAudit(tx, actor, { action: 'event.question.create', entity: 'event_question', entityId: q!.id, after: { eventId, ...input } });
    return questionView(q!);
  });
}

export async function deleteQuestion(db: Executor, actor: Actor, eventId: number, questionId: number): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [q] = await tx.delete(eventQuestions).where(and(eq(eventQuestions.id, questionId), eq(eventQuestions.eventId, eventId))).returning();
    if (!q) throw notFound({ ko: `질문 ${questionId}`, en: `Question ${questionId}` });
    await recordAudit(tx, actor, { action: 'event.question.delete', entity: 'event_question', entityId: questionId, before: questionView(q) });
  });
}

/** Checks the answers against the event's questions; returns them normalised, or the field errors. */
function checkAnswers(questions: QuestionRow[], answers: Record<string, string>, errors: FieldError[]): Record<string, string> {
  const byId = new Map(questions.map((q) => [String(q.id), q]));
  const out: Record<string, string> = {};
  for (const key of Object.keys(answers)) {
    if (!byId.has(key)) errors.push({ field: `answers.${key}`, message: { ko: '이 행사에 없는 질문입니다.', en: 'No such question for this event.' } });
  }
  for (const q of questions) {
    const field = `answers.${q.id}`;
    const value = (answers[String(q.id)] ?? '').trim();
    if (!value) {
      if (q.required) errors.push({ field, message: { ko: `필수 질문입니다: ${q.labelKo}`, en: `Required: ${q.labelEn ?? q.labelKo}` } });
      continue;
    }
    if ([...value].length > q.maxLength) {
      errors.push({ field, message: { ko: `${q.maxLength}자 이내로 입력하십시오.`, en: `At most ${q.maxLength} characters.` } });
      continue;
    }
    if (q.kind === 'choice' && !(q.options ?? []).some((o) => o.value === value)) {
      errors.push({ field, message: { ko: '보기 중에서 고르십시오.', en: `Choose one of: ${(q.options ?? []).map((o) => o.value).join(', ')}.` } });
      continue;
    }
    if (q.kind === 'country') {
      const code = value.toUpperCase();
      if (!isCountryCode(code)) {
        errors.push({ field, message: { ko: 'ISO 3166-1 두 글자 국가 코드가 아닙니다(예: KR).', en: 'Not an ISO 3166-1 alpha-2 country code (e.g. KR).' } });
        continue;
      }
      out[String(q.id)] = code;
      continue;
    }
    out[String(q.id)] = value;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Registration

export type EventRegistrationInput = z.infer<typeof EventRegistrationBody>;
export type PublicStatus = 'confirmed' | 'waitlisted' | 'pending_approval';

export const publicStatus = (r: Registration): PublicStatus => (r.status === 'pending' ? 'pending_approval' : (r.status as 'confirmed' | 'waitlisted'));

export async function registerForEvent(db: Executor, ctx: EngineContext, actor: Actor, eventId: number, input: EventRegistrationInput) {
  const e = await loadEvent(db, eventId);
  if (!e.published) throw eventNotFound(eventId);
  const errors: FieldError[] = [];
  const [cat] = await db.select().from(eventCategories).where(and(eq(eventCategories.eventId, eventId), eq(eventCategories.category, input.category)));
  if (!cat) errors.push({ field: 'category', message: { ko: '이 행사에 없는 참가 구분입니다.', en: 'The event has no such category.' } });
  let country: string | null = null;
  if (input.country) {
    country = input.country.toUpperCase();
    if (!isCountryCode(country)) errors.push({ field: 'country', message: { ko: 'ISO 3166-1 두 글자 국가 코드가 아닙니다(예: KR).', en: 'Not an ISO 3166-1 alpha-2 country code (e.g. KR).' } });
  }
  const questions = await db.select().from(eventQuestions).where(eq(eventQuestions.eventId, eventId));
  const answers = checkAnswers(questions, input.answers ?? {}, errors);
  let code: typeof invitationCodes.$inferSelect | undefined;
  if (cat?.requiresInvitation) {
    if (!input.invitationCode) errors.push({ field: 'invitationCode', message: { ko: '초청 코드가 필요합니다.', en: 'This category needs an invitation code.' } });
    else {
      [code] = await db.select().from(invitationCodes).where(and(eq(invitationCodes.codeHash, hashCode(input.invitationCode)), eq(invitationCodes.categoryId, cat.id)));
      if (!code) errors.push({ field: 'invitationCode', message: { ko: '올바른 초청 코드가 아닙니다.', en: 'Not a valid invitation code.' } });
    }
  }
  if (errors.length || !cat) throw invalid(errors);
  const result = await register(db, ctx, actor, await poolTarget(db, cat.poolId), {
    name: input.name,
    phone: input.phone,
    email: input.email,
    consent: input.consent,
    consentVersion: CONSENT_NOTICES.event.version,
    waitlist: input.waitlist,
    hold: cat.requiresApproval,
    hooks: {
      // Under the pool lock: every registration with a code of this category is in this pool, so
      // two registrations cannot both take a code's last use.
      beforeInsert: async (tx) => {
        if (code && (await codeUses(tx, code.id)) >= code.maxUses) throw codeRefused('This invitation code has been used up.', '이미 사용이 끝난 초청 코드입니다.');
      },
      afterInsert: async (tx, r) => {
        await tx.insert(eventRegistrations).values({
          registrationId: r.id,
          eventId,
          categoryId: cat.id,
          nameEn: input.nameEn ?? null,
          affiliation: input.affiliation ?? null,
          country,
          invitationCodeId: code?.id ?? null,
          approval: cat.requiresApproval ? 'pending' : null,
          answers,
        });
      },
    },
  });
  return { ...result, status: result.registration ? publicStatus(result.registration) : null };
}

/** Staff approval of a registration in a category that needs it: approval confirms within capacity (else waiting list). */
export async function decideApproval(db: Executor, ctx: EngineContext, actor: Actor, eventId: number, registrationId: number, approve: boolean) {
  return inTransaction(db, async (tx) => {
    const [er] = await tx.select().from(eventRegistrations).where(and(eq(eventRegistrations.registrationId, registrationId), eq(eventRegistrations.eventId, eventId)));
    if (!er) throw notFound({ ko: `이 행사의 신청 ${registrationId}`, en: `Registration ${registrationId} of this event` });
    const r = await decidePending(tx, ctx, actor, registrationId, approve);
    await tx.update(eventRegistrations).set({ approval: approve ? 'approved' : 'rejected' }).where(eq(eventRegistrations.registrationId, registrationId));
    return { id: r.id, status: r.status };
  });
}

// ---------------------------------------------------------------------------------------------
// Attendees (staff)

type AttendeeView = z.infer<typeof AttendeeSchema>;

export interface AttendeeRow {
  r: Registration;
  er: typeof eventRegistrations.$inferSelect;
  category: Category;
}

export async function attendeeRows(db: Executor, eventId: number, f: { category?: Category; q?: string; ids?: number[] } = {}): Promise<AttendeeRow[]> {
  return db
    .select({ r: registrations, er: eventRegistrations, category: eventCategories.category })
    .from(eventRegistrations)
    .innerJoin(registrations, eq(registrations.id, eventRegistrations.registrationId))
    .innerJoin(eventCategories, eq(eventCategories.id, eventRegistrations.categoryId))
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        f.category ? eq(eventCategories.category, f.category) : undefined,
        f.q ? sql`(strpos(lower(${registrations.name}), lower(${f.q})) > 0 or strpos(lower(coalesce(${eventRegistrations.nameEn}, '')), lower(${f.q})) > 0)` : undefined,
        f.ids ? inArray(registrations.id, f.ids.length ? f.ids : [-1]) : undefined,
      ),
    )
    .orderBy(asc(registrations.id));
}

const attendeeView = ({ r, er, category }: AttendeeRow): AttendeeView => ({
  id: r.id,
  status: r.status === 'pending' ? 'pending_approval' : r.status,
  category,
  name: r.name,
  nameEn: er.nameEn,
  affiliation: er.affiliation,
  country: er.country,
  phoneMasked: maskPhone(r.phone),
  email: maskEmail(r.email),
  createdAt: r.createdAt.toISOString(),
  checkedInAt: r.checkedInAt?.toISOString() ?? null,
  approval: er.approval,
});

/**
 * One page of an event's registrants in id order (keyset on event_registrations (event_id,
 * registration_id), src/modules/registration/listing.ts); `category` and `q` (Korean or English
 * name) filter.
 */
export async function listAttendees(db: Executor, eventId: number, f: PageParams & { category?: Category | undefined; q?: string | undefined }): Promise<Page<AttendeeView>> {
  await loadEvent(db, eventId);
  const where = and(
    eq(eventRegistrations.eventId, eventId),
    f.category ? eq(eventCategories.category, f.category) : undefined,
    f.q ? sql`(strpos(lower(${registrations.name}), lower(${f.q})) > 0 or strpos(lower(coalesce(${eventRegistrations.nameEn}, '')), lower(${f.q})) > 0)` : undefined,
  );
  const rows = await db
    .select({ r: registrations, er: eventRegistrations, category: eventCategories.category })
    .from(eventRegistrations)
    .innerJoin(registrations, eq(registrations.id, eventRegistrations.registrationId))
    .innerJoin(eventCategories, eq(eventCategories.id, eventRegistrations.categoryId))
    .where(and(where, f.after !== undefined ? gt(eventRegistrations.registrationId, f.after) : undefined))
    .orderBy(asc(eventRegistrations.registrationId))
    .limit(pageLimit(f) + 1);
  return toPage(rows, f, (a) => a.er.registrationId, attendeeView, async () => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(eventRegistrations)
      .innerJoin(registrations, eq(registrations.id, eventRegistrations.registrationId))
      .innerJoin(eventCategories, eq(eventCategories.id, eventRegistrations.categoryId))
      .where(where);
    return Number(row!.n);
  });
}

/** Check-in by scanned token or by id; idempotent (a second scan reports alreadyCheckedIn). */
export async function checkInAtEvent(db: Executor, actor: Actor, eventId: number, by: { token?: string; registrationId?: number }) {
  await loadEvent(db, eventId);
  const registrationId = by.token !== undefined ? (await registrationByToken(db, by.token).catch(() => null))?.id : by.registrationId;
  const [row] = registrationId
    ? await db
        .select({ poolId: eventCategories.poolId })
        .from(eventRegistrations)
        .innerJoin(eventCategories, eq(eventCategories.id, eventRegistrations.categoryId))
        .where(and(eq(eventRegistrations.registrationId, registrationId), eq(eventRegistrations.eventId, eventId)))
    : [];
  if (!row) throw notFound({ ko: '이 행사의 신청 내역', en: 'A registration for this event' });
  const result = await checkIn(db, actor, row.poolId, { registrationId });
  const [full] = await attendeeRows(db, eventId, { ids: [result.registration.id] });
  return { registration: attendeeView(full!), alreadyCheckedIn: result.alreadyCheckedIn };
}

// ---------------------------------------------------------------------------------------------
// Figures

type Figures = z.infer<typeof EventFiguresSchema>;

/** Registered (confirmed, incl. checked in) vs attended (checked in), by category and by country; no-show rate in %. */
export async function eventFigures(db: Executor, eventId: number): Promise<Figures> {
  await loadEvent(db, eventId);
  const rows = (await attendeeRows(db, eventId)).filter(({ r }) => r.status === 'confirmed');
  const roll = (list: AttendeeRow[]) => {
    const registered = list.length;
    const attended = list.filter(({ r }) => r.checkedInAt).length;
    const noShow = registered - attended;
    return { registered, attended, noShow, noShowRate: registered ? Math.round((noShow / registered) * 1000) / 10 : null };
  };
  const group = <K extends string | null>(key: (a: AttendeeRow) => K) => {
    const m = new Map<K, AttendeeRow[]>();
    for (const a of rows) m.set(key(a), [...(m.get(key(a)) ?? []), a]);
    return [...m.entries()];
  };
  const categories = (await db.select({ category: eventCategories.category }).from(eventCategories).where(eq(eventCategories.eventId, eventId)).orderBy(asc(eventCategories.id))).map((c) => c.category);
  return {
    total: roll(rows),
    byCategory: categories.map((category) => ({ category, ...roll(rows.filter((a) => a.category === category)) })),
    byCountry: group((a) => a.er.country)
      .map(([country, list]) => ({ country, ...roll(list) }))
      .sort((a, b) => b.registered - a.registered || String(a.country).localeCompare(String(b.country))),
  };
}

// ---------------------------------------------------------------------------------------------
// Survey: the academy's mechanism (rotated token, `survey` message); answers need the academy's
// survey routes to know event pools, which they do not yet (see docs/events-api.md).

export async function sendEventSurvey(db: Executor, ctx: EngineContext, actor: Actor, eventId: number): Promise<{ queued: number }> {
  return inTransaction(db, async (tx) => {
    const e = await loadEvent(tx, eventId);
    if (e.endsAt > new Date()) throw new AppError('SURVEY_TOO_EARLY', { ko: '행사가 끝난 뒤에 만족도 조사를 보낼 수 있습니다.', en: 'The survey can be sent once the event has ended.' });
    const [sent] = await rows(tx, sql`select 1 from audit_log where action = 'event.survey.send' and entity = 'event' and entity_id = ${String(eventId)} limit 1`);
    if (sent) throw new AppError('SURVEY_ALREADY_SENT', { ko: '만족도 조사는 이미 보냈습니다.', en: 'The survey was already sent.' });
    const attendees = await tx
      .select({ r: registrations, poolId: eventCategories.poolId })
      .from(eventRegistrations)
      .innerJoin(registrations, eq(registrations.id, eventRegistrations.registrationId))
      .innerJoin(eventCategories, eq(eventCategories.id, eventRegistrations.categoryId))
      .where(and(eq(eventRegistrations.eventId, eventId), isNotNull(registrations.checkedInAt), sql`${registrations.anonymizedAt} is null`))
      .orderBy(asc(registrations.id));
    const subject: PoolSubject = { ownerId: e.id, title: { ko: e.titleKo, en: e.titleEn }, startsAt: e.startsAt, venue: [e.venueKo, e.venueEn].filter(Boolean).join(' / ') };
    for (const { r } of attendees) {
      const token = await rotateToken(tx, r.id);
      await notifyRegistrant(tx, 'survey', { registrationId: r.id, ...r }, subject, { surveyUrl: surveyUrlTemplate(ctx.publicUrl), linkToken: token, ownerKind: EVENT_POOL });
    }
    await recordAudit(tx, actor, { action: 'event.survey.send', entity: 'event', entityId: eventId, after: { queued: attendees.length } });
    return { queued: attendees.length };
  });
}

export { loadEvent };
