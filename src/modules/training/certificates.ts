/**
 * Completion certificates: issued to the selected trainees of a cohort who meet the course's rule
 * (attendance share and post-assessment score), each with a random code printed on it and in its
 * QR code; revocable with a reason; verifiable by anyone with the code.
 */
import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { inTransaction, type Executor } from '../../db/executor.ts';
import { notFound } from '../../server/errors.ts';
import { withJosa } from '../../server/korean.ts';
import { maskName } from '../../server/mask.ts';
import { recordAudit, type Actor } from '../audit/service.ts';
import { applicationByTokenRow, applicationFacts } from './applications.ts';
import { cohortWithCourse, conflict, requireApplication, siteUrl, tellTrainee, type TrainingContext } from './common.ts';
import { attendancePct, certificateView, meetsRule, verificationView } from './presenters.ts';
import { trainingApplications, trainingCertificates, trainingCohorts, trainingCourses } from './schema.ts';

/** No 0/O, 1/I: a code is read off paper. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
/** "JJFC-7KQ2-M9XD-R4TA": 60 random bits. */
const newCode = () => `JJFC-${group()}-${group()}-${group()}`;

export const verifyUrl = (ctx: TrainingContext, code: string) => siteUrl(ctx, `/certificates/${encodeURIComponent(code)}`);

export async function issueCertificates(db: Executor, ctx: TrainingContext, actor: Actor, cohortId: number, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const { cohort, course } = await cohortWithCourse(tx, cohortId, true);
    const trainees = await tx
      .select()
      .from(trainingApplications)
      .where(and(eq(trainingApplications.cohortId, cohortId), eq(trainingApplications.status, 'selected')))
      .orderBy(trainingApplications.id);
    const facts = await applicationFacts(tx, cohortId);
    const rule = { minAttendancePct: course.minAttendancePct, minScore: course.minScore };
    const issued = [];
    const notMeetingRule = [];
    for (const a of trainees) {
      const f = facts(a.id);
      if (f.certificate) continue;
      const pct = attendancePct(f.attended, f.sessions) ?? 0;
      if (!meetsRule(a, { ...f, rule })) {
        notMeetingRule.push({ applicationId: a.id, attendancePct: pct, score: a.postScore });
        continue;
      }
      const [c] = await tx
        .insert(trainingCertificates)
        .values({ applicationId: a.id, code: newCode(), holderMasked: maskName(a.name), completedOn: cohort.endsOn, attendancePct: pct, score: a.postScore!, issuedAt: now })
        .returning();
      await recordAudit(tx, actor, { action: 'training.certificate.issue', entity: 'training_certificate', entityId: c!.id, after: { applicationId: a.id, code: c!.code } });
      const url = verifyUrl(ctx, c!.code);
      await tellTrainee(
        tx,
        a,
        'training.certificate',
        `[금융전문인력 양성] ${course.titleKo} 수료를 축하합니다`,
        `${a.name} 님, ${course.titleKo} ${withJosa(cohort.name, '을/를')} 수료하셨습니다. 수료증 번호 ${c!.code}\n진위 확인: ${url}\n수료증 PDF는 진행 상황 링크에서 받으실 수 있습니다.\n\n` +
          `Congratulations on completing ${course.titleEn} (${cohort.name}). Certificate ${c!.code}, verify at ${url}`,
      );
      issued.push(certificateView(c!));
    }
    return { issued, notMeetingRule };
  });
}

export async function revokeCertificate(db: Executor, actor: Actor, id: number, reason: string, now = new Date()) {
  return inTransaction(db, async (tx) => {
    const [c] = await tx.select().from(trainingCertificates).where(eq(trainingCertificates.id, id)).for('update');
    if (!c) throw notFound({ ko: `수료증 ${id}`, en: `Certificate ${id}` });
    if (c.revokedAt) throw conflict('CERTIFICATE_REVOKED', '이미 취소된 수료증입니다.', 'The certificate is already revoked.');
    const [after] = await tx.update(trainingCertificates).set({ revokedAt: now, revokedReason: reason }).where(eq(trainingCertificates.id, id)).returning();
    await recordAudit(tx, actor, {
      action: 'training.certificate.revoke',
      entity: 'training_certificate',
      entityId: id,
      before: { revokedAt: null },
      after: { revokedAt: now, reason },
    });
    const a = await requireApplication(tx, c.applicationId);
    await tellTrainee(
      tx,
      a,
      'training.certificate_revoked',
      '[금융전문인력 양성] 수료증 취소 안내',
      `${a.name} 님, 수료증이 취소되었습니다. 수료증 번호 ${c.code}\n사유: ${reason}\n\nYour certificate ${c.code} has been revoked. Reason: ${reason}`,
    );
    return certificateView(after!);
  });
}

/** What anyone with the code sees; 404 for any other text. */
export async function verifyCertificate(db: Executor, code: string) {
  const [row] = await db
    .select({ c: trainingCertificates, cohort: trainingCohorts, course: trainingCourses })
    .from(trainingCertificates)
    .innerJoin(trainingApplications, eq(trainingApplications.id, trainingCertificates.applicationId))
    .innerJoin(trainingCohorts, eq(trainingCohorts.id, trainingApplications.cohortId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCohorts.courseId))
    .where(eq(trainingCertificates.code, code));
  if (!row) throw notFound({ ko: '수료증', en: 'The certificate' });
  return verificationView(row.c, row.course, row.cohort);
}

/** Everything the PDF needs, by certificate id (staff) or by the trainee's token; a revoked certificate has no PDF. */
export async function certificateDocument(db: Executor, by: { id: number } | { token: string }) {
  let applicationId: number;
  if ('token' in by) applicationId = (await applicationByTokenRow(db, by.token)).id;
  else {
    const [c] = await db.select({ applicationId: trainingCertificates.applicationId }).from(trainingCertificates).where(eq(trainingCertificates.id, by.id));
    if (!c) throw notFound({ ko: `수료증 ${by.id}`, en: `Certificate ${by.id}` });
    applicationId = c.applicationId;
  }
  const [c] = await db.select().from(trainingCertificates).where(eq(trainingCertificates.applicationId, applicationId));
  if (!c) throw notFound({ ko: '수료증', en: 'The certificate' });
  if (c.revokedAt) throw conflict('CERTIFICATE_REVOKED', '취소된 수료증입니다.', 'The certificate has been revoked.');
  const a = await requireApplication(db, applicationId);
  const { cohort, course } = await cohortWithCourse(db, a.cohortId);
  return { certificate: c, holder: a.anonymizedAt ? c.holderMasked : a.name, cohort, course };
}
