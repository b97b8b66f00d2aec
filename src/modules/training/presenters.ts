/** Training as the API answers it: courses, cohorts, applications (masked for staff), sessions, certificates, job linkage. */
import type { z } from 'zod';
import { maskEmail, maskPhone } from '../../server/mask.ts';
import type {
  CertificateSchema,
  CohortSchema,
  CourseSchema,
  EmployerSchema,
  PlacementSchema,
  PostingSchema,
  ReferralSchema,
  SessionSchema,
  StaffApplicationSchema,
  VerificationSchema,
} from './api-schema.ts';
import type { ApplicationRow, CohortRow, CourseRow, SessionRow } from './common.ts';
import type { trainingCertificates, trainingEmployers, trainingPlacements, trainingPostings, trainingReferrals } from './schema.ts';

type CertificateRow = typeof trainingCertificates.$inferSelect;
type EmployerRow = typeof trainingEmployers.$inferSelect;
type PostingRow = typeof trainingPostings.$inferSelect;
type ReferralRow = typeof trainingReferrals.$inferSelect;
type PlacementRow = typeof trainingPlacements.$inferSelect;

export const courseView = (c: CourseRow): z.infer<typeof CourseSchema> => ({
  id: c.id,
  track: c.track,
  title: { ko: c.titleKo, en: c.titleEn },
  description: c.descriptionKo ? { ko: c.descriptionKo, en: c.descriptionEn ?? '' } : null,
  hours: c.hours,
  rule: { minAttendancePct: c.minAttendancePct, minScore: c.minScore },
});

export const cohortView = (c: CohortRow, course: CourseRow, now: Date): z.infer<typeof CohortSchema> => ({
  id: c.id,
  name: c.name,
  course: courseView(course),
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  capacity: c.capacity,
  applyOpensAt: c.applyOpensAt.toISOString(),
  applyClosesAt: c.applyClosesAt.toISOString(),
  open: c.applyOpensAt <= now && now < c.applyClosesAt,
  criteria: { ko: c.criteriaKo, en: c.criteriaEn },
  documents: { ko: c.documentsKo, en: c.documentsEn },
});

export interface ApplicationFacts {
  attended: number;
  sessions: number;
  certificate: CertificateRow | null;
  rule: { minAttendancePct: number; minScore: number };
}

/** The share of a cohort's sessions attended, in whole percent (floor); null without sessions. */
export const attendancePct = (attended: number, sessions: number) => (sessions === 0 ? null : Math.floor((attended * 100) / sessions));

/** Whether a trainee meets the course's completion rule. */
export function meetsRule(a: Pick<ApplicationRow, 'status' | 'postScore'>, f: Pick<ApplicationFacts, 'attended' | 'sessions' | 'rule'>): boolean {
  const pct = attendancePct(f.attended, f.sessions);
  return a.status === 'selected' && pct !== null && pct >= f.rule.minAttendancePct && a.postScore !== null && a.postScore >= f.rule.minScore;
}

export const staffApplicationView = (a: ApplicationRow, f: ApplicationFacts): z.infer<typeof StaffApplicationSchema> => ({
  id: a.id,
  cohortId: a.cohortId,
  status: a.status,
  name: a.name,
  phoneMasked: maskPhone(a.phone),
  emailMasked: maskEmail(a.email),
  statement: a.statement,
  documents: a.documents,
  decisionReason: a.decisionReason,
  decidedAt: a.decidedAt?.toISOString() ?? null,
  referralConsent: a.referralConsentAt !== null,
  preScore: a.preScore,
  postScore: a.postScore,
  attended: f.attended,
  attendancePct: attendancePct(f.attended, f.sessions),
  meetsRule: meetsRule(a, f),
  certificate: f.certificate ? { id: f.certificate.id, code: f.certificate.code, revoked: f.certificate.revokedAt !== null } : null,
  createdAt: a.createdAt.toISOString(),
  anonymized: a.anonymizedAt !== null,
});

export const sessionView = (s: SessionRow, counts: { present: number; absent: number }): z.infer<typeof SessionSchema> => ({
  id: s.id,
  cohortId: s.cohortId,
  title: { ko: s.titleKo, en: s.titleEn },
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  room: s.room,
  present: counts.present,
  absent: counts.absent,
});

export const certificateView = (c: CertificateRow): z.infer<typeof CertificateSchema> => ({
  id: c.id,
  applicationId: c.applicationId,
  code: c.code,
  holder: c.holderMasked,
  completedOn: c.completedOn,
  attendancePct: c.attendancePct,
  score: c.score,
  issuedAt: c.issuedAt.toISOString(),
  revokedAt: c.revokedAt?.toISOString() ?? null,
  revokedReason: c.revokedReason,
});

export const verificationView = (c: CertificateRow, course: CourseRow, cohort: CohortRow): z.infer<typeof VerificationSchema> => ({
  valid: c.revokedAt === null,
  course: { ko: course.titleKo, en: course.titleEn },
  cohort: cohort.name,
  completedOn: c.completedOn,
  holder: c.holderMasked,
});

export const employerView = (e: EmployerRow): z.infer<typeof EmployerSchema> => ({ id: e.id, name: { ko: e.nameKo, en: e.nameEn }, kind: e.kind });

export const postingView = (p: PostingRow, e: EmployerRow, referrals: number): z.infer<typeof PostingSchema> => ({
  id: p.id,
  employer: employerView(e),
  title: { ko: p.titleKo, en: p.titleEn },
  track: p.track,
  openings: p.openings,
  closesOn: p.closesOn,
  referrals,
});

export const referralView = (r: ReferralRow, a: Pick<ApplicationRow, 'name'>): z.infer<typeof ReferralSchema> => ({
  id: r.id,
  postingId: r.postingId,
  applicationId: r.applicationId,
  name: a.name,
  status: r.status,
  interviewAt: r.interviewAt?.toISOString() ?? null,
  note: r.note,
});

/** The date six months after `d` (YYYY-MM-DD), clamped to the month's end (08-31 → 02-28/29). */
export function sixMonthsAfter(d: string): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const month = m - 1 + 6;
  const year = y + Math.floor(month / 12);
  const mm = month % 12;
  const last = new Date(Date.UTC(year, mm + 1, 0)).getUTCDate();
  return `${year}-${String(mm + 1).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

export const placementView = (p: PlacementRow, a: Pick<ApplicationRow, 'name' | 'cohortId'>, e: EmployerRow): z.infer<typeof PlacementSchema> => ({
  id: p.id,
  applicationId: p.applicationId,
  name: a.name,
  cohortId: a.cohortId,
  employer: employerView(e),
  referralId: p.referralId,
  jobTitle: p.jobTitle,
  startedOn: p.startedOn,
  followUpDueOn: sixMonthsAfter(p.startedOn),
  followUpOn: p.followUpOn,
  retained: p.retained,
  followUpNote: p.followUpNote,
});
