/**
 * Personal data whose retention period has ended is anonymised (개인정보 보호법 art. 21), by the
 * hourly job (src/server/jobs.ts) and by `finhub purge-personal-data`:
 *
 * - registrations: kept `retentionDays` after the thing ends — an academy session's or an
 *   event's end, or the pool's start for owners without one; then name → "(삭제됨)", phone,
 *   e-mail and answers → null, anonymized_at set; an event registration's Latin name,
 *   affiliation and answers go too. The rows stay for the figures (status, check-in, category,
 *   country).
 * - school applications: kept `retentionDays` after the survey's year ends (Asia/Seoul, as the
 *   consent notice says); then the contact teacher's name → "(삭제됨)", phone and e-mail → null.
 *   The school's name stays: it is not personal data and the figures need it.
 * - training applications (금융전문인력 양성): kept the cohort's `retentionDays` after its end date
 *   (Asia/Seoul, as the consent notice says); then name → "(삭제됨)", phone, e-mail, statement and
 *   documents → null/empty, and the free texts about the trainee (evaluation comment, referral
 *   and follow-up notes) → null. Attendance, scores, certificates (whose holder is kept only
 *   masked, 홍*동, so they stay verifiable), referrals and placements stay for the figures.
 * - settlement feedback (정주여건 의견): kept a year after its answer (or its closing, or its
 *   submission while unanswered); then the contact's name, phone and e-mail → null and the
 *   photo dropped (its file removed after the commit unless evidence or an inspection photo holds
 *   the same content); the text, answer and what the board publishes stay (the board shows only
 *   the staff-approved redaction).
 * - outbox messages of an anonymised registration, application or feedback item
 *   (meta.registrationId / meta.applicationId / meta.trainingApplicationId / meta.feedbackId):
 *   recipient blanked, body replaced and link token removed; a message still pending is marked
 *   failed (it can no longer be delivered).
 * - the files the default channels wrote for those messages (FINHUB_DATA_DIR/outbox/<id>-*.eml and
 *   .txt, with names, phones and links in them): removed once the transaction has committed, and
 *   any left by an earlier run (or written before this rule) with them.
 *
 * One transaction, audited as the caller (the system for the job, the CLI user for the
 * command). A dry run does the same work and rolls it back, so its counts are exact.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq, getTableColumns, getTableName, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/service.ts';
import { academySessions, schoolApplications, schoolSurveys } from '../education/schema.ts';
import { eventCategories, eventRegistrations, events } from '../events/schema.ts';
import { outboxDir } from '../notifications/channels/file.ts';
import { outbox } from '../notifications/schema.ts';
import { blankMessagesOf } from '../notifications/service.ts';
import { seoulMidnight } from '../plan/seoul-time.ts';
import { capacityPools, registrationLinks, registrations } from '../registration/schema.ts';
import { settlementFeedback } from '../settlement/schema.ts';
import { heldElsewhere, lockStoredFile } from '../../server/file-holders.ts';
import { createFileStore, type FileStore } from '../../server/file-store.ts';
import { trainingApplications, trainingCohorts, trainingEvaluations, trainingPlacements, trainingReferrals } from '../training/schema.ts';

export const ERASED_NAME = '(삭제됨)';
/** Settlement feedback contacts are kept this long after the answer (the consent notice says one year); the privacy policy reads it too. */
export const FEEDBACK_RETENTION_DAYS = 365;
const DAY_MS = 86_400_000;

// What the purge erases, table by table. The register of processing (processing-register.ts) must
// name every one of these columns: tests/unit/privacy-register.test.ts checks it against PURGED_COLUMNS.
const REGISTRATION_ERASURE = { name: ERASED_NAME, phone: null, email: null, answers: null };
const EVENT_REGISTRATION_ERASURE = { nameEn: null, affiliation: null, answers: {} };
const SCHOOL_ERASURE = { teacherName: ERASED_NAME, teacherPhone: null, teacherEmail: null };
const FEEDBACK_ERASURE = { contactName: null, contactPhone: null, contactEmail: null, photoSha256: null, photoMimeType: null };
const TRAINING_ERASURE = { name: ERASED_NAME, phone: null, email: null, statement: null, documents: [] };
const EVALUATION_ERASURE = { comment: null };
const REFERRAL_ERASURE = { note: null };
const PLACEMENT_ERASURE = { followUpNote: null };

function sqlColumns(table: PgTable, keys: readonly string[]): string[] {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  return keys.map((k) => columns[k]!.name);
}

/** The personal-data columns the purge erases (SQL names, by table), and the tables whose rows it deletes (registration_links) or blanks (outbox, in blankMessagesOf). */
export const PURGED_COLUMNS: Record<string, string[]> = Object.fromEntries(
  (
    [
      [registrations, Object.keys(REGISTRATION_ERASURE)],
      [eventRegistrations, Object.keys(EVENT_REGISTRATION_ERASURE)],
      [schoolApplications, Object.keys(SCHOOL_ERASURE)],
      [settlementFeedback, Object.keys(FEEDBACK_ERASURE)],
      [trainingApplications, Object.keys(TRAINING_ERASURE)],
      [trainingEvaluations, Object.keys(EVALUATION_ERASURE)],
      [trainingReferrals, Object.keys(REFERRAL_ERASURE)],
      [trainingPlacements, Object.keys(PLACEMENT_ERASURE)],
      [registrationLinks, ['tokenHash']],
      [outbox, ['recipient', 'body', 'linkToken']],
    ] as const
  ).map(([table, keys]) => [getTableName(table), sqlColumns(table, keys)]),
);

export interface PurgeResult {
  registrations: number;
  schoolApplications: number;
  /** Settlement feedback items whose contact (and photo) were removed. */
  settlementFeedback: number;
  trainingApplications: number;
  outboxMessages: number;
  /** Message files removed from FINHUB_DATA_DIR/outbox (0 without a data directory). */
  outboxFiles: number;
  dryRun: boolean;
}

/** The outbox files in dataDir, by the outbox id their name starts with (<id>-<kind>.eml/.txt, and a crashed write's .tmp). */
async function outboxFiles(dataDir: string | undefined): Promise<Map<number, string[]>> {
  const byId = new Map<number, string[]>();
  if (!dataDir) return byId;
  let names: string[];
  try {
    names = await fs.readdir(outboxDir(dataDir));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return byId;
    throw e;
  }
  for (const name of names) {
    const m = /^(\d{1,10})-/.exec(name);
    if (!m) continue;
    const id = Number(m[1]);
    byId.set(id, [...(byId.get(id) ?? []), path.join(outboxDir(dataDir), name)]);
  }
  return byId;
}

class Rollback extends Error {
  constructor(readonly result: PurgeResult) {
    super('dry run');
  }
}

/**
 * `files`: the server's file store (photos); without it, the folder in `dataDir` when given. On
 * PostgreSQL a photo's row goes in the purge's transaction; a folder's file after the commit.
 */
export async function purgePersonalData(db: Executor, now = new Date(), opts: { dryRun?: boolean; actor?: Actor; dataDir?: string; files?: FileStore } = {}): Promise<PurgeResult> {
  const dryRun = opts.dryRun ?? false;
  const actor = opts.actor ?? SYSTEM_ACTOR;
  const files = await outboxFiles(opts.dataDir);
  const store = opts.files ?? (opts.dataDir ? createFileStore(path.join(opts.dataDir, 'files')) : undefined);
  let doomed: string[] = [];
  const doomedPhotos: string[] = [];
  try {
    const result = await inTransaction(db, async (tx) => {
      // Registrations whose retention ended: after the academy session's or event's end, else the pool's start.
      const ends = sql`coalesce(${academySessions.endsAt}, ${events.endsAt}, ${capacityPools.startsAt})`;
      const dueRegistrations = await tx
        .select({ id: registrations.id })
        .from(registrations)
        .innerJoin(capacityPools, eq(capacityPools.id, registrations.poolId))
        .leftJoin(academySessions, eq(academySessions.poolId, capacityPools.id))
        .leftJoin(eventCategories, eq(eventCategories.poolId, capacityPools.id))
        .leftJoin(events, eq(events.id, eventCategories.eventId))
        .where(and(isNull(registrations.anonymizedAt), sql`${ends} + ${capacityPools.retentionDays} * interval '1 day' < ${now}`))
        .for('update', { of: registrations });
      const registrationIds = dueRegistrations.map((r) => r.id);
      if (registrationIds.length) {
        await tx
          .update(registrations)
          .set({ ...REGISTRATION_ERASURE, anonymizedAt: now })
          .where(inArray(registrations.id, registrationIds));
        await tx.update(eventRegistrations).set(EVENT_REGISTRATION_ERASURE).where(inArray(eventRegistrations.registrationId, registrationIds));
        // Their extra links (an offer's, "find my registration"'s) go too: nothing left to open.
        await tx.delete(registrationLinks).where(inArray(registrationLinks.registrationId, registrationIds));
        await recordAudit(tx, actor, { action: 'privacy.purge', entity: 'registration', after: { count: registrationIds.length, ids: registrationIds } });
      }

      // School applications: retention counts from the end of the survey's year in Seoul.
      const surveys = await tx.select({ id: schoolSurveys.id, year: schoolSurveys.year, retentionDays: schoolSurveys.retentionDays }).from(schoolSurveys);
      const expiredSurveys = surveys.filter((s) => seoulMidnight(s.year + 1, 1).getTime() + s.retentionDays * DAY_MS < now.getTime()).map((s) => s.id);
      let applicationIds: number[] = [];
      if (expiredSurveys.length) {
        const due = await tx
          .select({ id: schoolApplications.id })
          .from(schoolApplications)
          .where(and(inArray(schoolApplications.surveyId, expiredSurveys), isNull(schoolApplications.anonymizedAt)))
          .for('update');
        applicationIds = due.map((a) => a.id);
      }
      if (applicationIds.length) {
        await tx
          .update(schoolApplications)
          .set({ ...SCHOOL_ERASURE, anonymizedAt: now })
          .where(inArray(schoolApplications.id, applicationIds));
        await recordAudit(tx, actor, { action: 'privacy.purge', entity: 'school_application', after: { count: applicationIds.length, ids: applicationIds } });
      }

      // Settlement feedback: a year after its answer, closing, or (unanswered) submission.
      const feedbackEnd = sql`coalesce(${settlementFeedback.closedAt}, ${settlementFeedback.answeredAt}, ${settlementFeedback.createdAt})`;
      const dueFeedback = await tx
        .select({ id: settlementFeedback.id, photo: settlementFeedback.photoSha256 })
        .from(settlementFeedback)
        .where(
          and(
            isNull(settlementFeedback.anonymizedAt),
            sql`${feedbackEnd} + ${FEEDBACK_RETENTION_DAYS} * interval '1 day' < ${now}`,
            sql`(${settlementFeedback.contactName} is not null or ${settlementFeedback.contactPhone} is not null or ${settlementFeedback.contactEmail} is not null or ${settlementFeedback.photoSha256} is not null or ${settlementFeedback.consentAt} is not null)`,
          ),
        )
        .for('update');
      const feedbackIds = dueFeedback.map((f) => f.id);
      if (feedbackIds.length) {
        await tx
          .update(settlementFeedback)
          .set({ ...FEEDBACK_ERASURE, anonymizedAt: now })
          .where(inArray(settlementFeedback.id, feedbackIds));
        await recordAudit(tx, actor, { action: 'privacy.purge', entity: 'settlement_feedback', after: { count: feedbackIds.length, ids: feedbackIds } });
        // A photo's file goes unless a registered holder (evidence, inspection photos, other
        // feedback, ordinance documents, speaker photos) still holds the same content.
        for (const sha of new Set(dueFeedback.flatMap((f) => (f.photo ? [f.photo] : [])))) {
          await lockStoredFile(tx, sha);
          if (await heldElsewhere(tx, sha)) continue;
          if (store?.kind === 'database') await store.remove(sha, tx);
          else doomedPhotos.push(sha);
        }
      }

      // Training applications: retention counts from the day after the cohort's end in Seoul.
      const cohortEnd = sql`((${trainingCohorts.endsOn} + 1)::timestamp at time zone 'Asia/Seoul')`;
      const dueTraining = await tx
        .select({ id: trainingApplications.id })
        .from(trainingApplications)
        .innerJoin(trainingCohorts, eq(trainingCohorts.id, trainingApplications.cohortId))
        .where(and(isNull(trainingApplications.anonymizedAt), sql`${cohortEnd} + ${trainingCohorts.retentionDays} * interval '1 day' < ${now}`))
        .for('update', { of: trainingApplications });
      const trainingIds = dueTraining.map((a) => a.id);
      if (trainingIds.length) {
        await tx
          .update(trainingApplications)
          .set({ ...TRAINING_ERASURE, anonymizedAt: now })
          .where(inArray(trainingApplications.id, trainingIds));
        await tx.update(trainingEvaluations).set(EVALUATION_ERASURE).where(inArray(trainingEvaluations.applicationId, trainingIds));
        await tx.update(trainingReferrals).set(REFERRAL_ERASURE).where(inArray(trainingReferrals.applicationId, trainingIds));
        await tx.update(trainingPlacements).set(PLACEMENT_ERASURE).where(inArray(trainingPlacements.applicationId, trainingIds));
        await recordAudit(tx, actor, { action: 'privacy.purge', entity: 'training_application', after: { count: trainingIds.length, ids: trainingIds } });
      }

      // Their messages, and any left over from an earlier purge.
      const anonymisedRegistration = tx
        .select({ id: sql`${registrations.id}::text` })
        .from(registrations)
        .where(isNotNull(registrations.anonymizedAt));
      const anonymisedApplication = tx
        .select({ id: sql`${schoolApplications.id}::text` })
        .from(schoolApplications)
        .where(isNotNull(schoolApplications.anonymizedAt));
      const anonymisedTraining = tx
        .select({ id: sql`${trainingApplications.id}::text` })
        .from(trainingApplications)
        .where(isNotNull(trainingApplications.anonymizedAt));
      const anonymisedFeedback = tx
        .select({ id: sql`${settlementFeedback.id}::text` })
        .from(settlementFeedback)
        .where(isNotNull(settlementFeedback.anonymizedAt));
      const blanked = await blankMessagesOf(
        tx,
        { registrationIds: anonymisedRegistration, applicationIds: anonymisedApplication, trainingApplicationIds: anonymisedTraining, feedbackIds: anonymisedFeedback },
        ERASED_NAME,
      );
      if (blanked.length) {
        await recordAudit(tx, actor, { action: 'privacy.purge', entity: 'outbox', after: { count: blanked.length, ids: blanked } });
      }

      // The files of every blanked message: this run's and any an earlier run left.
      // (In chunks: a busy outbox folder holds more files than one statement takes parameters.)
      const ids = [...files.keys()];
      const purgedIds: { id: number }[] = [];
      for (let i = 0; i < ids.length; i += 10_000) {
        purgedIds.push(
          ...(await tx
            .select({ id: outbox.id })
            .from(outbox)
            .where(and(inArray(outbox.id, ids.slice(i, i + 10_000)), eq(outbox.recipient, '')))),
        );
      }
      doomed = purgedIds.flatMap((r) => files.get(r.id) ?? []);
      if (doomed.length) {
        await recordAudit(tx, actor, { action: 'privacy.purge', entity: 'outbox_file', after: { count: doomed.length, ids: purgedIds.map((r) => r.id) } });
      }

      const result: PurgeResult = {
        registrations: registrationIds.length,
        schoolApplications: applicationIds.length,
        settlementFeedback: feedbackIds.length,
        trainingApplications: trainingIds.length,
        outboxMessages: blanked.length,
        outboxFiles: doomed.length,
        dryRun,
      };
      if (dryRun) throw new Rollback(result);
      return result;
    });
    // After the commit: a file removed for a purge that rolled back could not be written again.
    for (const file of doomed) await fs.rm(file, { force: true });
    if (store) for (const sha of doomedPhotos) await store.remove(sha);
    return result;
  } catch (e) {
    if (e instanceof Rollback) return e.result;
    throw e;
  }
}

/** For the hourly job: the same purge, as the system (with the message files in the data directory). */
export async function purgePersonalDataJob(db: Executor, config: { dataDir?: string; files?: FileStore } = {}): Promise<PurgeResult> {
  return purgePersonalData(db, new Date(), { dataDir: config.dataDir, files: config.files });
}
