/**
 * Job linkage (일자리 연계): employers (institutions of the innovation city and partners), their
 * postings, referrals of graduates (a valid certificate and the graduate's referral consent are
 * required), interviews and outcomes, placements and the follow-up six months after the start.
 */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { isUniqueViolation } from '../../server/db-errors.ts';
import { invalidField, notFound } from '../../server/errors.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import { seoulDate } from '../plan/seoul-time.ts';
import type { EmployerBody, FollowUpBody, PlacementBody, PostingBody, ReferralBody, ReferralPatchBody } from './api-schema.ts';
import { conflict, requireApplication } from './common.ts';
import { employerView, placementView, postingView, referralView, sixMonthsAfter } from './presenters.ts';
import { trainingApplications, trainingCertificates, trainingEmployers, trainingPlacements, trainingPostings, trainingReferrals } from './schema.ts';

async function requireEmployer(db: Executor, id: number) {
  const [e] = await db.select().from(trainingEmployers).where(eq(trainingEmployers.id, id));
  if (!e) throw notFound({ ko: `기업 ${id}`, en: `Employer ${id}` });
  return e;
}

async function requirePosting(db: Executor, id: number) {
  const [p] = await db.select().from(trainingPostings).where(eq(trainingPostings.id, id));
  if (!p) throw notFound({ ko: `채용 공고 ${id}`, en: `Posting ${id}` });
  return p;
}

/** A graduate: a trainee with a certificate that is not revoked. */
async function requireGraduate(db: Executor, applicationId: number) {
  const a = await requireApplication(db, applicationId, true);
  const [c] = await db
    .select({ id: trainingCertificates.id })
    .from(trainingCertificates)
    .where(and(eq(trainingCertificates.applicationId, applicationId), isNull(trainingCertificates.revokedAt)));
  if (!c) throw conflict('NOT_A_GRADUATE', '유효한 수료증이 있는 수료생만 연계할 수 있습니다.', 'Only graduates with a valid certificate are linked to jobs.');
  return a;
}

export async function createEmployer(db: Executor, actor: Actor, body: z.infer<typeof EmployerBody>) {
  try {
    return await inTransaction(db, async (tx) => {
      const [e] = await tx.insert(trainingEmployers).values({ nameKo: body.name.ko, nameEn: body.name.en, kind: body.kind }).returning();
      await recordAudit(tx, actor, { action: 'training.employer.create', entity: 'training_employer', entityId: e!.id, after: e });
      return employerView(e!);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalidField('name.ko', '이미 등록된 기업입니다.', 'This employer is already registered.');
    throw e;
  }
}

export async function listEmployers(db: Executor) {
  return (await db.select().from(trainingEmployers).orderBy(asc(trainingEmployers.nameKo))).map(employerView);
}

export async function createPosting(db: Executor, actor: Actor, body: z.infer<typeof PostingBody>) {
  return inTransaction(db, async (tx) => {
    const e = await requireEmployer(tx, body.employerId);
    const [p] = await tx
      .insert(trainingPostings)
      .values({ employerId: e.id, titleKo: body.title.ko, titleEn: body.title.en, track: body.track ?? null, openings: body.openings, closesOn: body.closesOn })
      .returning();
    await recordAudit(tx, actor, { action: 'training.posting.create', entity: 'training_posting', entityId: p!.id, after: p });
    return postingView(p!, e, 0);
  });
}

export async function listPostings(db: Executor) {
  const rows = await db
    .select({ p: trainingPostings, e: trainingEmployers, n: sql<number>`(select count(*)::int from ${trainingReferrals} r where r.posting_id = ${trainingPostings.id})` })
    .from(trainingPostings)
    .innerJoin(trainingEmployers, eq(trainingEmployers.id, trainingPostings.employerId))
    .orderBy(desc(trainingPostings.closesOn), desc(trainingPostings.id));
  return rows.map((r) => postingView(r.p, r.e, Number(r.n)));
}

export async function refer(db: Executor, actor: Actor, postingId: number, body: z.infer<typeof ReferralBody>) {
  try {
    return await inTransaction(db, async (tx) => {
      await requirePosting(tx, postingId);
      const a = await requireGraduate(tx, body.applicationId);
      if (!a.referralConsentAt || a.anonymizedAt) {
        throw conflict('REFERRAL_CONSENT_MISSING', '수료생이 취업 연계(기업 추천)에 동의하지 않았습니다.', 'The graduate has not consented to referral to employers.');
      }
      const [r] = await tx
        .insert(trainingReferrals)
        .values({ postingId, applicationId: a.id, note: body.note?.trim() || null })
        .returning();
      await recordAudit(tx, actor, { action: 'training.referral.create', entity: 'training_referral', entityId: r!.id, after: { postingId, applicationId: a.id } });
      return referralView(r!, a);
    });
  } catch (e) {
    if (isUniqueViolation(e, 'training_referrals_uq'))
      throw conflict('REFERRAL_EXISTS', '이 공고에 이미 추천한 수료생입니다.', 'The graduate is already referred to this posting.');
    throw e;
  }
}

export async function listReferrals(db: Executor, postingId: number) {
  await requirePosting(db, postingId);
  const rows = await db
    .select({ r: trainingReferrals, a: trainingApplications })
    .from(trainingReferrals)
    .innerJoin(trainingApplications, eq(trainingApplications.id, trainingReferrals.applicationId))
    .where(eq(trainingReferrals.postingId, postingId))
    .orderBy(asc(trainingReferrals.id));
  return rows.map(({ r, a }) => referralView(r, a));
}

export async function updateReferral(db: Executor, actor: Actor, id: number, body: z.infer<typeof ReferralPatchBody>, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const [r] = await tx.select().from(trainingReferrals).where(eq(trainingReferrals.id, id)).for('update');
    if (!r) throw notFound({ ko: `추천 ${id}`, en: `Referral ${id}` });
    const set = {
      ...(body.status ? { status: body.status } : {}),
      ...(body.interviewAt !== undefined ? { interviewAt: body.interviewAt === null ? null : new Date(body.interviewAt) } : {}),
      ...(body.note !== undefined ? { note: body.note.trim() || null } : {}),
      updatedAt: now,
    };
    const [after] = await tx.update(trainingReferrals).set(set).where(eq(trainingReferrals.id, id)).returning();
    await recordAudit(tx, actor, {
      action: 'training.referral.update',
      entity: 'training_referral',
      entityId: id,
      before: { status: r.status, interviewAt: r.interviewAt, note: r.note },
      after: { status: after!.status, interviewAt: after!.interviewAt, note: after!.note },
    });
    const a = await requireApplication(tx, r.applicationId);
    return referralView(after!, a);
  });
}

export async function createPlacement(db: Executor, actor: Actor, body: z.infer<typeof PlacementBody>) {
  try {
    return await inTransaction(db, async (tx) => {
      const a = await requireGraduate(tx, body.applicationId);
      const e = await requireEmployer(tx, body.employerId);
      if (body.referralId !== undefined) {
        const [r] = await tx.select().from(trainingReferrals).where(eq(trainingReferrals.id, body.referralId)).for('update');
        if (!r || r.applicationId !== a.id) throw invalidField('referralId', '이 수료생의 추천이 아닙니다.', 'Not a referral of this graduate.');
        if (r.status !== 'hired') {
          await tx.update(trainingReferrals).set({ status: 'hired', updatedAt: new Date() }).where(eq(trainingReferrals.id, r.id));
          await recordAudit(tx, actor, {
            action: 'training.referral.update',
            entity: 'training_referral',
            entityId: r.id,
            before: { status: r.status },
            after: { status: 'hired' },
          });
        }
      }
      const [p] = await tx
        .insert(trainingPlacements)
        .values({ applicationId: a.id, employerId: e.id, referralId: body.referralId ?? null, jobTitle: body.jobTitle, startedOn: body.startedOn })
        .returning();
      await recordAudit(tx, actor, { action: 'training.placement.create', entity: 'training_placement', entityId: p!.id, after: p });
      return placementView(p!, a, e);
    });
  } catch (e) {
    if (isUniqueViolation(e, 'training_placements_application_id_unique'))
      throw conflict('PLACEMENT_EXISTS', '이미 취업이 기록된 수료생입니다.', 'The graduate already has a placement.');
    throw e;
  }
}

export async function listPlacements(db: Executor) {
  const rows = await db
    .select({ p: trainingPlacements, a: trainingApplications, e: trainingEmployers })
    .from(trainingPlacements)
    .innerJoin(trainingApplications, eq(trainingApplications.id, trainingPlacements.applicationId))
    .innerJoin(trainingEmployers, eq(trainingEmployers.id, trainingPlacements.employerId))
    .orderBy(asc(trainingPlacements.startedOn), asc(trainingPlacements.id));
  return rows.map(({ p, a, e }) => placementView(p, a, e));
}

/** The six-month follow-up: still employed or not, recorded once six months have passed since the start. */
export async function recordFollowUp(db: Executor, actor: Actor, id: number, body: z.infer<typeof FollowUpBody>, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const [p] = await tx.select().from(trainingPlacements).where(eq(trainingPlacements.id, id)).for('update');
    if (!p) throw notFound({ ko: `취업 ${id}`, en: `Placement ${id}` });
    const due = sixMonthsAfter(p.startedOn);
    if (body.followUpOn < due) throw conflict('FOLLOW_UP_TOO_EARLY', `6개월 후속 확인은 ${due}부터 기록할 수 있습니다.`, `The six-month follow-up can be recorded from ${due}.`);
    if (body.followUpOn > seoulDate(now)) throw invalidField('followUpOn', '앞으로의 날짜입니다.', 'The date is in the future.');
    const [after] = await tx
      .update(trainingPlacements)
      .set({ followUpOn: body.followUpOn, retained: body.retained, followUpNote: body.note?.trim() || null })
      .where(eq(trainingPlacements.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'training.placement.follow_up',
      entity: 'training_placement',
      entityId: id,
      before: { followUpOn: p.followUpOn, retained: p.retained },
      after: { followUpOn: after!.followUpOn, retained: after!.retained },
    });
    const a = await requireApplication(tx, p.applicationId);
    return placementView(after!, a, await requireEmployer(tx, p.employerId));
  });
}
